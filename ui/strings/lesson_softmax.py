STRINGS = {
    "softmax.title": ("Softmax: more than two classes", "Softmax：多分类问题"),
    "softmax.intro": (
        "With more than two classes the output layer has one neuron per class. Each neuron computes a number "
        "z_j (its *logit*); **softmax** turns all of them together into probabilities a_j that are positive "
        "and sum to 1. a_j is the model's probability that y = j for the input x.",
        "当有多于两个类别时，输出层每个类别有一个神经元。每个神经元计算一个数 z_j（logit）；**softmax** 把它们一起变成"
        "概率 a_j：都为正且总和为 1。a_j 被解释为给定输入特征 x 时模型对 y 等于 j 的概率。",
    ),
    # explorer
    "softmax.explorer_header": ("1 · Set the logits, watch the probabilities", "1 · 设置 z，观察概率"),
    "softmax.explorer_text": (
        "Move the sliders. Every a_j depends on **all** the z values, not only on z_j (unlike sigmoid "
        "outputs): raise one z and every other probability falls. The loss of one example looks only at the "
        "true class y: loss = -log a_y, small when a_y is near 1, large when a_y is near 0.",
        "拖动滑块。与 sigmoid 不同，每个激活值 a_j 都取决于**所有** z 的值，而不仅仅是 z_j：提高一个 z，其他概率都会下降。"
        "一个训练样本的损失只看真实类别 y：损失 = -log a_y，a_y 接近 1 时很小，接近 0 时很大。",
    ),
    "softmax.n_classes": ("number of classes N", "类别数 N"),
    "softmax.true_class": ("true class y of this example", "这个样本的真实类别 y"),
    "softmax.class_name": ("class {j}", "类别 {j}"),
    "softmax.a_y": ("a_y (probability of the true class)", "a_y（真实类别的概率）"),
    "softmax.loss_y": ("loss = -log a_y", "损失 = -log a_y"),
    "softmax.sum_a": ("sum of all a_j", "所有 a_j 之和"),
    "softmax.table_caption": ("The numbers behind the bars: e^z_j divided by their sum.",
                              "柱状图背后的数字：e^z_j 除以它们的总和。"),
    "softmax.col_class": ("class", "类别"),
    # live training
    "softmax.train_header": ("2 · A softmax output layer on a data set", "2 · 数据集上的 softmax 输出层"),
    "softmax.train_text": (
        "A network with a ReLU hidden layer and an output layer of N neurons (one per class) learns to tell "
        "the classes apart. Each small map shows one output a_j over the input plane: where the model "
        "thinks class j is likely. Press **Play** and watch the maps sharpen; the maps add up to 1 at every point.",
        "一个带 ReLU 隐藏层、输出层有 N 个神经元（每个类别一个）的网络学习区分各个类别。每张小图显示一个输出 a_j 在输入平面上的"
        "取值：模型认为类别 j 可能出现的地方。按 **播放**，观察这些图逐渐变清晰；在每个点上所有图的值加起来等于 1。",
    ),
    "softmax.dataset": ("data set", "数据集"),
    "softmax.dataset_blobs": ("Gaussian blobs", "高斯团 (blobs)"),
    "softmax.dataset_multi_spiral": ("K-arm spiral", "K 臂螺旋"),
    "softmax.classes": ("classes", "类别数"),
    "softmax.hidden_units": ("neurons in the hidden layer", "隐藏层神经元数"),
    "softmax.hidden_layers": ("hidden layers", "隐藏层数"),
    "softmax.learning_rate": ("learning rate (Adam)", "学习率 (Adam)"),
    "softmax.play": ("▶ Play", "▶ 播放"),
    "softmax.pause": ("⏸ Pause", "⏸ 暂停"),
    "softmax.train_n": ("Train {n} epochs", "训练 {n} 个 epoch"),
    "softmax.reset": ("Reset the weights", "重置权重"),
    "softmax.epochs_done": ("epochs trained", "已训练的迭代次数 (epochs)"),
    "softmax.train_loss": ("training loss", "训练损失"),
    "softmax.test_accuracy": ("test accuracy", "测试准确率"),
    "softmax.maps_caption": ("a_j = P(class j | x) over the plane, one map per output neuron",
                             "a_j = P(类别 j | x) 在平面上的取值，每个输出神经元一张图"),
    "softmax.pick_header": ("Probabilities of one point", "一个数据点的概率"),
    "softmax.pick_point": ("point number (training set)", "数据点编号（训练集）"),
    "softmax.point_info": ("x1 = {x1:.2f}, x2 = {x2:.2f}, true class: **{name}** (✓)",
                           "x1 = {x1:.2f}，x2 = {x2:.2f}，真实类别：**{name}** (✓)"),
    "softmax.diverged_hint": ("Training stopped. Lower the learning rate and press Reset.",
                              "训练已停止。请降低学习率，然后按“重置权重”。"),
    "softmax.not_trained": ("Not trained yet: the maps show the random initial weights.",
                            "尚未训练：这些图显示的是随机初始权重的结果。"),
    # precision
    "softmax.precision_header": ("3 · Why `from_logits=True`: rounding errors (§11)",
                                 "3 · 为什么用 `from_logits=True`：计算误差（§11）"),
    "softmax.precision_text": (
        "A computer stores numbers in binary with a fixed number of digits (float32 keeps about 7), so every "
        "intermediate value is rounded. Computing a = softmax(z) first and then -log a_y rounds twice and can "
        "overflow (e^1000 is too large) or lose a tiny a_y entirely (Keras then clips it to 1e-7). With a "
        "**linear** output layer and `SparseCategoricalCrossentropy(from_logits=True)` the loss is computed "
        "from z in one step (log-sum-exp), so the tiny numbers never appear.",
        "计算机用有限位数的二进制保存数字（float32 大约 7 位有效数字），每个中间值都会被舍入。先计算 a = softmax(z) 再计算 "
        "-log a_y 会舍入两次，还可能溢出（e^1000 太大）或把很小的 a_y 变成 0（Keras 会把它截断为 1e-7）。输出层用 **linear**，"
        "损失用 `SparseCategoricalCrossentropy(from_logits=True)`，损失直接从 z 一步算出（log-sum-exp），这些极小的中间数就不会出现。",
    ),
    "softmax.preset": ("logits to try", "要试的 logits"),
    "softmax.preset_custom": ("type my own", "自己输入"),
    "softmax.custom_logits": ("logits z, separated by commas", "logits z，用逗号分隔"),
    "softmax.precision_true": ("true class y", "真实类别 y"),
    "softmax.dtype": ("number format", "数值格式"),
    "softmax.bad_logits": ("Could not read the logits: type 2 to 10 numbers separated by commas, e.g. 1000, 999, 990.",
                           "无法读取 logits：请输入 2 到 10 个用逗号分隔的数字，例如 1000, 999, 990。"),
    "softmax.path_exact": ("exact (60-digit arithmetic)", "精确值（60 位有效数字）"),
    "softmax.path_textbook": ("formula as written: e^z / Σe^z, then -log", "按公式直接算：e^z / Σe^z，再取 -log"),
    "softmax.path_probabilities": ("softmax output, then SparseCategoricalCrossentropy()",
                                   "softmax 输出层，再用 SparseCategoricalCrossentropy()"),
    "softmax.path_from_logits": ("linear output + SparseCategoricalCrossentropy(from_logits=True)",
                                 "linear 输出层 + SparseCategoricalCrossentropy(from_logits=True)"),
    "softmax.short_textbook": ("e^z / Σe^z, then -log", "e^z / Σe^z，再 -log"),
    "softmax.short_probabilities": ("softmax, then loss", "先 softmax 再算损失"),
    "softmax.short_from_logits": ("from_logits=True", "from_logits=True"),
    "softmax.col_path": ("how the loss is computed", "损失的计算方式"),
    "softmax.col_loss": ("loss -log a_y", "损失 -log a_y"),
    "softmax.col_error": ("|error|", "误差 |error|"),
    "softmax.naive_error": ("error: softmax then log", "误差：先 softmax 再取 log"),
    "softmax.logits_error": ("error: from_logits=True", "误差：from_logits=True"),
    "softmax.error_ratio": ("The naive path is off by **{naive}**, the from-logits path by **{logits}**.",
                            "朴素方法的误差为 **{naive}**，from_logits 方法的误差为 **{logits}**。"),
    "softmax.code_caption": ("The better implementation in Keras (the notes' code):",
                             "Keras 中更好的实现（笔记中的代码）："),
}
