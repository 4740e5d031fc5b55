STRINGS = {
    "digits.title": "手写数字：图像上的 softmax",
    "digits.intro": (
        "{n} 张手写数字小图像，每张 8 × 8 像素；每个像素是 0（白）到 16（黑）之间的数。每张图像变成一行 64 个数（行 = 样本，"
        "形状为 {shape} 的二维数组），输出层有 10 个神经元，每个数字一个：对 0-9 做 softmax。先用 Normalization 层缩放每一列像素，"
        "再接一个 ReLU 隐藏层，最后是 linear 输出层，用 `SparseCategoricalCrossentropy(from_logits=True)` 训练。"
    ),
    "digits.examples": "一些训练图像",
    "digits.hidden_units": "隐藏层神经元数",
    "digits.epochs": "迭代次数 (epochs)",
    "digits.learning_rate": "学习率 (Adam)",
    "digits.seed": "随机种子（初始权重）",
    "digits.train": "训练网络",
    "digits.press_train": "按 **训练网络**（大约需要一秒）。",
    "digits.test_accuracy": "测试准确率",
    "digits.train_accuracy": "训练准确率",
    "digits.test_size": "测试图像数",
    "digits.mistake_count": "测试集上的错误数",
    "digits.gallery_header": "测试图像与网络的前 3 个猜测",
    "digits.gallery_text": "每张图像下面是真实数字，然后是概率最高的三个数字及其概率（softmax 输出 a_j）。蓝框和 ✓ 表示第一个猜测正确，橙框和 ✗ 表示错误。",
    "digits.page": "从第几张测试图像开始",
    "digits.confusion_header": "混淆矩阵",
    "digits.confusion_text": "行 = 真实数字，列 = 网络的回答。对角线上是答对的数量；对角线以外的每个数都是错误，例如第 8 行第 1 列：把 8 认成了 1。",
    "digits.mistakes_header": "它仍然会犯的错误",
    "digits.no_mistakes": "测试集上没有错误。",
    "digits.bad_training": "训练失败：{message}",
}
