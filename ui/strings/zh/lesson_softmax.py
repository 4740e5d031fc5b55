STRINGS = {
    "softmax.title": "Softmax：多分类问题",
    "softmax.intro": (
        "当有多于两个类别时，输出层每个类别有一个神经元。每个神经元计算一个数 z_j（logit）；**softmax** 把它们一起变成"
        "概率 a_j：都为正且总和为 1。a_j 被解释为给定输入特征 x 时模型对 y 等于 j 的概率。"
    ),
    # explorer
    "softmax.explorer_header": "1 · 设置 z，观察概率",
    "softmax.explorer_text": (
        "拖动滑块。与 sigmoid 不同，每个激活值 a_j 都取决于**所有** z 的值，而不仅仅是 z_j：提高一个 z，其他概率都会下降。"
        "一个训练样本的损失只看真实类别 y：损失 = -log a_y，a_y 接近 1 时很小，接近 0 时很大。"
    ),
    "softmax.n_classes": "类别数 N",
    "softmax.true_class": "这个样本的真实类别 y",
    "softmax.class_name": "类别 {j}",
    "softmax.a_y": "a_y（真实类别的概率）",
    "softmax.loss_y": "损失 = -log a_y",
    "softmax.sum_a": "所有 a_j 之和",
    "softmax.table_caption": "柱状图背后的数字：e^z_j 除以它们的总和。",
    "softmax.col_class": "类别",
    # live training
    "softmax.train_header": "2 · 数据集上的 softmax 输出层",
    "softmax.train_text": (
        "一个带 ReLU 隐藏层、输出层有 N 个神经元（每个类别一个）的网络学习区分各个类别。每张小图显示一个输出 a_j 在输入平面上的"
        "取值：模型认为类别 j 可能出现的地方。按 **播放**，观察这些图逐渐变清晰；在每个点上所有图的值加起来等于 1。"
    ),
    "softmax.dataset": "数据集",
    "softmax.dataset_blobs": "高斯团 (blobs)",
    "softmax.dataset_multi_spiral": "K 臂螺旋",
    "softmax.classes": "类别数",
    "softmax.hidden_units": "隐藏层神经元数",
    "softmax.hidden_layers": "隐藏层数",
    "softmax.learning_rate": "学习率 (Adam)",
    "softmax.play": "▶ 播放",
    "softmax.pause": "⏸ 暂停",
    "softmax.train_n": "训练 {n} 个 epoch",
    "softmax.reset": "重置权重",
    "softmax.epochs_done": "已训练的迭代次数 (epochs)",
    "softmax.train_loss": "训练损失",
    "softmax.test_accuracy": "测试准确率",
    "softmax.maps_caption": "a_j = P(类别 j | x) 在平面上的取值，每个输出神经元一张图",
    "softmax.pick_header": "一个数据点的概率",
    "softmax.pick_point": "数据点编号（训练集）",
    "softmax.point_info": "x1 = {x1:.2f}，x2 = {x2:.2f}，真实类别：**{name}** (✓)",
    "softmax.diverged_hint": "训练已停止。请降低学习率，然后按“重置权重”。",
    "softmax.not_trained": "尚未训练：这些图显示的是随机初始权重的结果。",
    # precision
    "softmax.precision_header": "3 · 为什么用 `from_logits=True`：计算误差（§11）",
    "softmax.precision_text": (
        "计算机用有限位数的二进制保存数字（float32 大约 7 位有效数字），每个中间值都会被舍入。先计算 a = softmax(z) 再计算 "
        "-log a_y 会舍入两次，还可能溢出（e^1000 太大）或把很小的 a_y 变成 0（Keras 会把它截断为 1e-7）。输出层用 **linear**，"
        "损失用 `SparseCategoricalCrossentropy(from_logits=True)`，损失直接从 z 一步算出（log-sum-exp），这些极小的中间数就不会出现。"
    ),
    "softmax.preset": "要试的 logits",
    "softmax.preset_custom": "自己输入",
    "softmax.custom_logits": "logits z，用逗号分隔",
    "softmax.precision_true": "真实类别 y",
    "softmax.dtype": "数值格式",
    "softmax.bad_logits": "无法读取 logits：请输入 2 到 10 个用逗号分隔的数字，例如 1000, 999, 990。",
    "softmax.path_exact": "精确值（60 位有效数字）",
    "softmax.path_textbook": "按公式直接算：e^z / Σe^z，再取 -log",
    "softmax.path_probabilities": "softmax 输出层，再用 SparseCategoricalCrossentropy()",
    "softmax.path_from_logits": "linear 输出层 + SparseCategoricalCrossentropy(from_logits=True)",
    "softmax.short_textbook": "e^z / Σe^z，再 -log",
    "softmax.short_probabilities": "先 softmax 再算损失",
    "softmax.short_from_logits": "from_logits=True",
    "softmax.col_path": "损失的计算方式",
    "softmax.col_loss": "损失 -log a_y",
    "softmax.col_error": "误差 |error|",
    "softmax.naive_error": "误差：先 softmax 再取 log",
    "softmax.logits_error": "误差：from_logits=True",
    "softmax.error_ratio": "朴素方法的误差为 **{naive}**，from_logits 方法的误差为 **{logits}**。",
    "softmax.code_caption": "Keras 中更好的实现（笔记中的代码）：",
}
