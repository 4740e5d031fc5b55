STRINGS = {
    "acts.title": ("Activation functions", "激活函数"),
    "acts.intro": (
        "After computing `z = a_in · W + b`, every neuron passes `z` through its **activation function** `g` "
        "to get its activation `a = g(z)`. The common choices are sigmoid, ReLU and linear. "
        "*A linear activation, g(z) = z, is the same as using no activation at all.*",
        "每个神经元算出 `z = a_in · W + b` 之后，都要把 `z` 送进它的**激活函数** `g`，得到激活 `a = g(z)`。"
        "常见的选择有 sigmoid、ReLU 和线性函数。*使用线性激活函数 g(z) = z，等于没有使用激活函数。*",
    ),
    "acts.plot_header": ("Each activation and its slope", "每个激活函数及其斜率"),
    "acts.pick": ("Activations to plot", "要画出的激活函数"),
    "acts.pick_one": ("Pick at least one activation to plot.", "请至少选择一个激活函数。"),
    "acts.z_range": ("z from −… to +…", "z 的范围（±）"),
    "acts.z_probe": ("Read the values at z =", "读取 z 处的值："),
    "acts.g_title": ("g(z): the activation", "g(z)：激活函数"),
    "acts.dg_title": ("g′(z): its derivative (slope)", "g′(z)：导数（斜率）"),
    "acts.plot_text": (
        "The right panel is the slope `g′(z)`: how much `a` changes when `z` moves a little. Gradient descent "
        "learns through these slopes. Where a curve is **flat**, its slope is near 0 and learning crawls: look at "
        "sigmoid's slope beyond |z| ≈ 4. ReLU's slope is exactly 1 for every positive `z`.",
        "右图是斜率 `g′(z)`：`z` 稍微变动时 `a` 变化多少。梯度下降正是通过这些斜率来学习的。"
        "曲线**平坦**的地方斜率接近 0，学习就会很慢：看看 sigmoid 在 |z| ≈ 4 以外的斜率。"
        "ReLU 在所有正的 `z` 上斜率都正好是 1。",
    ),
    "acts.choose_header": ("Which activation where?", "如何选择激活函数"),
    "acts.output_text": (
        "**Output layer**: choose by what the prediction `y` can be.",
        "**输出层**：根据预测值 `y` 可能的取值来选择。",
    ),
    "acts.col_problem": ("the target y", "目标 y"),
    "acts.col_output": ("output activation", "输出层激活函数"),
    "acts.col_why": ("why", "原因"),
    "acts.binary": ("binary classification (y = 0 or 1)", "二元分类（y = 0 或 1）"),
    "acts.binary_why": ("a is between 0 and 1: the probability that y = 1", "a 在 0 和 1 之间：y = 1 的概率"),
    "acts.signed": ("regression, positive or negative (e.g. tomorrow's stock change)",
                    "回归，可正可负（例如股票的涨跌）"),
    "acts.signed_why": ("a can be any number", "a 可以取任何数"),
    "acts.nonneg": ("regression, never negative (e.g. a house price)", "回归，只能非负（例如房价）"),
    "acts.nonneg_why": ("a = max(0, z) is never below 0", "a = max(0, z) 永远不小于 0"),
    "acts.hidden_text": (
        "**Hidden layers**: ReLU is by far the most common. It is cheaper to compute than sigmoid, and it is "
        "flat on one side only, while sigmoid is flat on both: flat regions of the activation make the cost "
        "`J(W, b)` flat too, the gradients small, and gradient descent slow.",
        "**隐藏层**：最常用的是 ReLU。它比 sigmoid 计算更快，而且只在一侧平坦，而 sigmoid 两侧都平坦："
        "激活函数平坦的地方会让成本函数 `J(W, b)` 也变得平坦，梯度很小，梯度下降就很慢。",
    ),
    "acts.why_header": ("Why hidden layers need a non-linear activation", "为什么隐藏层需要非线性激活函数"),
    "acts.why_text": (
        "Two networks with the same shape (2 inputs → {hidden} hidden neurons → 1 sigmoid output), the same "
        "data (a circle inside a ring), the same initial weights and the same training. The only difference: "
        "the left one's hidden layers are **linear**. Watch its boundary: however long it trains, it stays a "
        "straight line.",
        "两个结构相同的网络（2 个输入 → {hidden} 个隐藏层神经元 → 1 个 sigmoid 输出），相同的数据（一个圆在环内），"
        "相同的初始权重和相同的训练。唯一的不同：左边网络的隐藏层是**线性**的。看它的边界：不管训练多久，都只是一条直线。",
    ),
    "acts.other": ("Right network's hidden activation", "右边网络的隐藏层激活函数"),
    "acts.epochs": ("Epochs of training (both)", "训练的迭代次数 (epoch，两个网络相同)"),
    "acts.seed": ("Weight seed", "权重随机种子"),
    "acts.training": ("Training both networks...", "正在训练两个网络..."),
    "acts.discretize": ("Show only the decision (a > 0.5)", "只显示判定结果（a > 0.5）"),
    "acts.discretize_help": (
        "On: colour each place by the class the network predicts there, so the boundary is sharp. "
        "Off: shade by the probability a.",
        "打开：按网络在每个位置预测的类别着色，边界清晰。关闭：按概率 a 的大小着色。",
    ),
    "acts.outside": ("outside", "外圈"),
    "acts.inside": ("inside", "内圈"),
    "acts.side_title": ("hidden layers: {g}", "隐藏层：{g}"),
    "acts.collapse_header": ("The linear network is one layer in disguise", "线性网络其实只是一层"),
    "acts.collapse_text": (
        "With linear hidden layers, `a1 = x W1 + b1`, then `a2 = a1 W2 + b2 = x (W1 W2) + (b1 W2 + b2)`, and so "
        "on: a linear function of a linear function is linear. All the layers multiply into **one** `W` and "
        "**one** `b`, and the whole network is just logistic regression, `a = sigmoid(x W + b)`. Below, those "
        "`W` and `b` are computed from the trained network's weights and checked against its output `z` on "
        "every point.",
        "隐藏层是线性时，`a1 = x W1 + b1`，然后 `a2 = a1 W2 + b2 = x (W1 W2) + (b1 W2 + b2)`，依此类推："
        "线性函数的线性函数依然是线性函数。所有层相乘合并成**一个** `W` 和**一个** `b`，整个网络就等于逻辑回归 "
        "`a = sigmoid(x W + b)`。下面用训练好的网络的权重算出这个 `W` 和 `b`，并在每个点上和网络输出层的 `z` 对比。",
    ),
    "acts.collapse_shapes": ("Shapes: {shapes} → one `W` of shape {shape}.", "形状：{shapes} → 一个形状为 {shape} 的 `W`。"),
    "acts.collapse_difference": ("largest |z(network) − (x W + b)| over all points",
                                 "所有点上 |z(网络) − (x W + b)| 的最大值"),
    "acts.collapse_line": (
        "So its boundary is the straight line **{equation}**.",
        "所以它的边界就是直线 **{equation}**。",
    ),
    "acts.net_logit": ("z of the network", "网络输出层的 z"),
    "acts.one_layer_logit": ("x W + b (one layer)", "x W + b（一层）"),
    "acts.takeaway": (
        "Take-away: without a non-linear activation, extra layers add nothing: the model stays linear "
        "(or logistic) regression. With ReLU (or tanh, sigmoid) in the hidden layers, the boundary can bend.",
        "结论：没有非线性激活函数，多加几层也没有用：模型仍然只是线性（或逻辑）回归。"
        "隐藏层用 ReLU（或 tanh、sigmoid），边界才能弯曲。",
    ),
    "acts.link_linear": ("Linear hidden layers:", "线性隐藏层："),
    "acts.link_other": ("Hidden layers with {g}:", "隐藏层使用 {g}："),
}
