STRINGS = {
    "demand.title": "需求预测案例：4-3-1 神经网络",
    "demand.intro": (
        "讲义的案例二：用四个特征预测一件短袖是否成为**畅销品**：**价格**、**运费**、**营销**和**材料质量**。"
        "假设真正起作用的是三件事：是否**可负担**（价格 + 运费）、潜在买家的**认识程度**（营销）、"
        "以及**感知质量**（价格 + 材料）。一个有三个神经元的**隐藏层**的网络可以自己学到这些中间量，"
        "没有人告诉它这些量是什么。*神经网络 = 自动化特征工程 + 逻辑回归。*"
    ),
    "demand.settings": "需求网络",
    "demand.n_points": "短袖数量",
    "demand.noise": "噪声",
    "demand.noise_help": "除了背后的规律之外，是否畅销还有多少偶然性。",
    "demand.data_seed": "数据随机种子",
    "demand.hidden_activation": "隐藏层的激活函数",
    "demand.hidden_activation_help": "sigmoid：每个隐藏层神经元都是一个逻辑回归单元，和讲义一样。",
    "demand.seed": "权重随机种子",
    "demand.seed_help": "初始权重和打乱顺序的随机种子：种子相同，结果相同。",
    "demand.story_header": "数据背后的规律（网络并不知道）",
    "demand.story_text": (
        "这个数据集是按下面的规律生成的，所以训练之后可以检查隐藏层神经元发现了什么。"
        "价格单位为美元 (5-40)，运费为美元 (0-15)，营销预算为千美元 (0-10)，材料为 1-10 分。"
    ),
    "demand.data_header": "数据：每行一件短袖",
    "demand.data_text": (
        "{n} 件短袖用于训练（另外 {n_test} 件留作测试），每件 {d} 个特征。网络读取的是二维数组："
        "每行一个样本，每列一个特征。特征先做标准化（与 Keras 的 `Normalization` 相同），因为美元和评分的尺度相差很大。"
    ),
    "demand.target": "是否畅销",
    "demand.shapes": "X 的形状为 {x}（行 = 样本，列 = 特征）；y 的形状为 {y}。",
    "demand.f.price_usd": "价格 (美元)",
    "demand.f.shipping_usd": "运费 (美元)",
    "demand.f.marketing_k_usd": "营销 (千美元)",
    "demand.f.material_quality": "材料质量",
    "demand.latent.affordability": "可负担性",
    "demand.latent.awareness": "认识程度",
    "demand.latent.perceived_quality": "感知质量",
    "demand.hidden_neuron": "隐藏层神经元 {i}",
    "demand.class_no": "非畅销品",
    "demand.class_yes": "畅销品",
    "demand.output_name": "P(畅销)",
    "demand.network_header": "网络：输入层 → 隐藏层 → 输出层",
    "demand.network_text": (
        "四个特征是**输入层**。中间的三个神经元组成**隐藏层**：数据给出了它们的输入和最终答案，却没有给出它们的值。"
        "它们的输出就是这一层的**激活** `a`。右边的单个神经元是**输出层**：它的激活就是成为畅销品的概率。"
        "每个神经元都能看到前一层的*每一个*特征：连线就是权重（蓝色为正，橙色为负，越粗越大）。"
        "点击**训练**，观察它们的变化。"
    ),
    "demand.train": "训练 {n} 个 epoch",
    "demand.reset": "从初始权重重新开始",
    "demand.not_trained": "还没有训练：权重是随机的。点击 **训练 {n} 个 epoch**。",
    "demand.test_accuracy": "测试准确率",
    "demand.train_loss": "训练损失",
    "demand.test_loss": "测试损失",
    "demand.training_setup": "Adam，学习率 {lr}，批大小 {batch}，二元交叉熵损失。",
    "demand.inside_header": "每个隐藏层神经元学到了什么？",
    "demand.inside_untrained": "（尚未训练：下面是随机的初始权重。请先训练。）",
    "demand.weights_header": "它的权重：它关注哪些特征",
    "demand.weights_text": (
        "每个隐藏层神经元对每个输入特征都有一个权重（该层权重矩阵的一列 `W[:, i]`）。"
        "权重绝对值大（无论正负）说明这个神经元关注这个特征；接近 0 说明它忽略这个特征。"
        "讲义猜测负责“可负担性”的神经元会重视价格和运费、忽略营销和材料：找找看有没有这样的神经元。"
    ),
    "demand.activations_header": "它在整个数据上的激活",
    "demand.activations_text": (
        "对每件训练用短袖，计算每个隐藏层神经元的激活 `a`，并按是否畅销叠放。"
        "两种颜色分得越开的神经元，越能帮助输出层神经元做出判断。"
    ),
    "demand.activation_axis": "激活 a",
    "demand.story_compare_header": "与背后的规律对比",
    "demand.story_compare_text": (
        "在训练数据上，每个隐藏层神经元的激活与规律中每个隐藏因素之间的相关系数 `r`"
        "（1 或 -1：完全同步变化；0：无关）。"
    ),
    "demand.hidden_layer_axis": "隐藏层",
    "demand.story_axis": "规律中的因素",
    "demand.closest_factor": "最接近的因素",
    "demand.sign_note": (
        "`r` 为负也没关系：这个神经元学到的是相反的量（比如“太贵”而不是“买得起”），输出层给它的权重就是负的。"
        "哪个神经元找到哪个因素取决于随机的初始值（换一个权重随机种子试试）；重要的是它们能被找到。"
    ),
    "demand.takeaway": (
        "没有人告诉网络什么是可负担性、认识程度或感知质量，但使用 sigmoid 隐藏层神经元时，"
        "它们通常各自跟踪了其中一个因素。这正是隐藏层的作用。"
    ),
}
