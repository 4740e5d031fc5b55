STRINGS = {
    "multilabel.title": "多标签分类问题",
    "multilabel.intro": (
        "多标签分类问题是指一个样本可以同时属于多个类别，类别之间相互独立。笔记中的例子：这张图像里有没有**汽车**、**公交车**、"
        "**行人**？一张图像可能同时既有汽车又有行人。这里每个点代表一张图像：平面上的区域决定它包含哪些物体，一个点可以同时位于两个区域。"
    ),
    "multilabel.right_header": "正确的输出层：每个标签一个 sigmoid",
    "multilabel.right_text": (
        "输出层每个标签有一个 **sigmoid** 神经元，损失为二元交叉熵：用一个模型同时解决三个二分类问题。每个输出都是独立的概率，"
        "所以它们可以同时接近 1（也可以同时接近 0）。"
    ),
    "multilabel.wrong_header": "错误的输出层：对标签做 softmax",
    "multilabel.wrong_text": (
        "softmax 输出层强制所有输出**加起来等于 1**：它只能回答是*哪一个*标签，永远不能回答*既有汽车又有行人*。为了能训练它，"
        "有两个标签的点被列两次（每个标签一次，相当于对除以标签个数后的标签做分类交叉熵），没有标签的点被去掉。在阈值 0.5 下它最多只能打开一个标签。"
    ),
    "multilabel.label_0": "汽车",
    "multilabel.label_1": "公交车",
    "multilabel.label_2": "行人",
    "multilabel.label_3": "自行车",
    "multilabel.labels": "标签数",
    "multilabel.hidden_units": "每个隐藏层的神经元数",
    "multilabel.learning_rate": "学习率 (Adam)",
    "multilabel.train": "两个模型各训练 {n} 个 epoch",
    "multilabel.reset": "重置权重",
    "multilabel.epochs_done": "已训练的迭代次数 (epochs)",
    "multilabel.not_trained": "尚未训练：请按训练按钮。",
    "multilabel.compare_header": "在测试集上对比",
    "multilabel.per_label_accuracy": "逐标签准确率",
    "multilabel.exact_match": "全部标签正确",
    "multilabel.exact_match_two": "全部正确（2 个以上标签的点）",
    "multilabel.model_sigmoid": "sigmoid + 二元交叉熵",
    "multilabel.model_softmax": "softmax + 分类交叉熵",
    "multilabel.col_model": "输出层",
    "multilabel.maps_right": "sigmoid 输出给出的 P(标签 | x)",
    "multilabel.maps_wrong": "对同样标签的 softmax 输出",
    "multilabel.point_header": "一个有两个标签的点",
    "multilabel.pick_point": "有 2 个以上标签的测试点",
    "multilabel.no_two_labels": "在当前设置下没有带两个标签的测试点。",
    "multilabel.col_label": "标签",
    "multilabel.col_true": "真实",
    "multilabel.sum_row": "输出之和",
    "multilabel.point_caption": (
        "sigmoid 的输出互不约束：两个真实标签都可以接近 1。softmax 的输出必须在标签之间分配总和 1，所以两个真实标签各得大约 0.5，"
        "至少有一个低于阈值。"
    ),
    "multilabel.diverged": "训练已停止：{message}",
}
