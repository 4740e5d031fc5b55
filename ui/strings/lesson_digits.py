STRINGS = {
    "digits.title": ("Handwritten digits: softmax on images", "手写数字：图像上的 softmax"),
    "digits.intro": (
        "{n} small images of handwritten digits, 8 × 8 pixels each; a pixel is a number from 0 (white) to 16 "
        "(black). Each image becomes one row of 64 numbers (rows = examples, a 2-D array of shape {shape}), "
        "and the output layer has 10 neurons, one per digit: a softmax over 0-9. A Normalization layer first "
        "rescales every pixel column, then a ReLU hidden layer, then a linear output layer trained with "
        "`SparseCategoricalCrossentropy(from_logits=True)`.",
        "{n} 张手写数字小图像，每张 8 × 8 像素；每个像素是 0（白）到 16（黑）之间的数。每张图像变成一行 64 个数（行 = 样本，"
        "形状为 {shape} 的二维数组），输出层有 10 个神经元，每个数字一个：对 0-9 做 softmax。先用 Normalization 层缩放每一列像素，"
        "再接一个 ReLU 隐藏层，最后是 linear 输出层，用 `SparseCategoricalCrossentropy(from_logits=True)` 训练。",
    ),
    "digits.examples": ("Some training images", "一些训练图像"),
    "digits.hidden_units": ("neurons in the hidden layer", "隐藏层神经元数"),
    "digits.epochs": ("epochs", "迭代次数 (epochs)"),
    "digits.learning_rate": ("learning rate (Adam)", "学习率 (Adam)"),
    "digits.seed": ("seed (initial weights)", "随机种子（初始权重）"),
    "digits.train": ("Train the network", "训练网络"),
    "digits.press_train": ("Press **Train the network** (it takes about a second).", "按 **训练网络**（大约需要一秒）。"),
    "digits.test_accuracy": ("test accuracy", "测试准确率"),
    "digits.train_accuracy": ("training accuracy", "训练准确率"),
    "digits.test_size": ("test images", "测试图像数"),
    "digits.mistake_count": ("mistakes on the test set", "测试集上的错误数"),
    "digits.gallery_header": ("Test images and the network's top 3 guesses", "测试图像与网络的前 3 个猜测"),
    "digits.gallery_text": (
        "Each image shows its true digit, then the three most likely digits with their probabilities "
        "(softmax outputs a_j). A blue frame and ✓ mean the first guess is right, an orange frame and ✗ wrong.",
        "每张图像下面是真实数字，然后是概率最高的三个数字及其概率（softmax 输出 a_j）。蓝框和 ✓ 表示第一个猜测正确，橙框和 ✗ 表示错误。",
    ),
    "digits.page": ("test images from number", "从第几张测试图像开始"),
    "digits.confusion_header": ("Confusion matrix", "混淆矩阵"),
    "digits.confusion_text": (
        "Row = the true digit, column = the network's answer. The diagonal counts right answers; every number "
        "off the diagonal is a mistake, e.g. row 8, column 1: an 8 taken for a 1.",
        "行 = 真实数字，列 = 网络的回答。对角线上是答对的数量；对角线以外的每个数都是错误，例如第 8 行第 1 列：把 8 认成了 1。",
    ),
    "digits.mistakes_header": ("The mistakes it still makes", "它仍然会犯的错误"),
    "digits.no_mistakes": ("No mistakes on the test set.", "测试集上没有错误。"),
    "digits.bad_training": ("Training failed: {message}", "训练失败：{message}"),
}
