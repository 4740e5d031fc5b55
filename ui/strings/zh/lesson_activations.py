STRINGS = {
    "acts.title": "激活函数",
    "acts.intro": (
        "每个神经元算出 `z = a_in · W + b` 之后，都要把 `z` 送进它的**激活函数** `g`，得到激活 `a = g(z)`。"
        "常见的选择有 sigmoid、ReLU 和线性函数。*使用线性激活函数 g(z) = z，等于没有使用激活函数。*"
    ),
    "acts.plot_header": "每个激活函数及其斜率",
    "acts.pick": "要画出的激活函数",
    "acts.pick_one": "请至少选择一个激活函数。",
    "acts.z_range": "z 的范围（±）",
    "acts.z_probe": "读取 z 处的值：",
    "acts.g_title": "g(z)：激活函数",
    "acts.dg_title": "g′(z)：导数（斜率）",
    "acts.plot_text": (
        "右图是斜率 `g′(z)`：`z` 稍微变动时 `a` 变化多少。梯度下降正是通过这些斜率来学习的。"
        "曲线**平坦**的地方斜率接近 0，学习就会很慢：看看 sigmoid 在 |z| ≈ 4 以外的斜率。"
        "ReLU 在所有正的 `z` 上斜率都正好是 1。"
    ),
    "acts.choose_header": "如何选择激活函数",
    "acts.output_text": "**输出层**：根据预测值 `y` 可能的取值来选择。",
    "acts.col_problem": "目标 y",
    "acts.col_output": "输出层激活函数",
    "acts.col_why": "原因",
    "acts.binary": "二元分类（y = 0 或 1）",
    "acts.binary_why": "a 在 0 和 1 之间：y = 1 的概率",
    "acts.signed": "回归，可正可负（例如股票的涨跌）",
    "acts.signed_why": "a 可以取任何数",
    "acts.nonneg": "回归，只能非负（例如房价）",
    "acts.nonneg_why": "a = max(0, z) 永远不小于 0",
    "acts.hidden_text": (
        "**隐藏层**：最常用的是 ReLU。它比 sigmoid 计算更快，而且只在一侧平坦，而 sigmoid 两侧都平坦："
        "激活函数平坦的地方会让成本函数 `J(W, b)` 也变得平坦，梯度很小，梯度下降就很慢。"
    ),
    "acts.why_header": "为什么隐藏层需要非线性激活函数",
    "acts.why_text": (
        "两个结构相同的网络（2 个输入 → {hidden} 个隐藏层神经元 → 1 个 sigmoid 输出），相同的数据（一个圆在环内），"
        "相同的初始权重和相同的训练。唯一的不同：左边网络的隐藏层是**线性**的。看它的边界：不管训练多久，都只是一条直线。"
    ),
    "acts.other": "右边网络的隐藏层激活函数",
    "acts.epochs": "训练的迭代次数 (epoch，两个网络相同)",
    "acts.seed": "权重随机种子",
    "acts.training": "正在训练两个网络...",
    "acts.discretize": "只显示判定结果（a > 0.5）",
    "acts.discretize_help": "打开：按网络在每个位置预测的类别着色，边界清晰。关闭：按概率 a 的大小着色。",
    "acts.outside": "外圈",
    "acts.inside": "内圈",
    "acts.side_title": "隐藏层：{g}",
    "acts.collapse_header": "线性网络其实只是一层",
    "acts.collapse_text": (
        "隐藏层是线性时，`a1 = x W1 + b1`，然后 `a2 = a1 W2 + b2 = x (W1 W2) + (b1 W2 + b2)`，依此类推："
        "线性函数的线性函数依然是线性函数。所有层相乘合并成**一个** `W` 和**一个** `b`，整个网络就等于逻辑回归 "
        "`a = sigmoid(x W + b)`。下面用训练好的网络的权重算出这个 `W` 和 `b`，并在每个点上和网络输出层的 `z` 对比。"
    ),
    "acts.collapse_shapes": "形状：{shapes} → 一个形状为 {shape} 的 `W`。",
    "acts.collapse_difference": "所有点上 |z(网络) − (x W + b)| 的最大值",
    "acts.collapse_line": "所以它的边界就是直线 **{equation}**。",
    "acts.net_logit": "网络输出层的 z",
    "acts.one_layer_logit": "x W + b（一层）",
    "acts.takeaway": (
        "结论：没有非线性激活函数，多加几层也没有用：模型仍然只是线性（或逻辑）回归。"
        "隐藏层用 ReLU（或 tanh、sigmoid），边界才能弯曲。"
    ),
    "acts.link_linear": "线性隐藏层：",
    "acts.link_other": "隐藏层使用 {g}：",
}
