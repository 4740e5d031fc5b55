STRINGS = {
    "neuron.title": "一个神经元",
    "neuron.intro": (
        "**神经元**接收一些数字，做一点计算，再输出一个数字。最简单的人工神经元就是一个逻辑回归单元："
        "把输入乘以**权重** `w`，加上**偏置** `b`，再用 sigmoid 函数压缩 `z = wx + b`。"
        "它的输出 `a` 叫做**激活**（activation，来自神经科学：神经元向下游发送多强的信号），是 0 到 1 之间的数。"
    ),
    "neuron.one_input_header": "案例一：短袖价格 → 是否畅销",
    "neuron.one_input_text": (
        "每个点是一件短袖：价格 (x)，以及它是否成为畅销品（1 是，0 否）。"
        "神经元的激活 `a` 就是这个价格的短袖成为畅销品的概率。"
        "**拖动 `w` 和 `b`**，让黑色曲线贴合这些点，让损失尽量小。`w` 决定曲线多陡、朝哪个方向下降；`b` 让它左右平移。"
    ),
    "neuron.data_header": "数据",
    "neuron.noise": "噪声",
    "neuron.noise_help": "畅销与否在价格上的分界有多模糊（0 = 在 20 美元处截然分开）。",
    "neuron.n_points": "短袖数量",
    "neuron.data_seed": "数据随机种子",
    "neuron.class_no": "非畅销品 (0)",
    "neuron.class_yes": "畅销品 (1)",
    "neuron.class_0": "类别 0",
    "neuron.class_1": "类别 1",
    "neuron.data_arrays": "数据的数组形式（X：每行一件短袖）",
    "neuron.w": "权重 w",
    "neuron.w_help": "w 为负：短袖越贵，a 越小。",
    "neuron.b": "偏置 b",
    "neuron.b_help": "让曲线左右平移。",
    "neuron.loss_here": "当前 w、b 的损失",
    "neuron.loss_help": "二元交叉熵在所有数据上的平均：-mean(y log a + (1-y) log(1-a))。越小越好。",
    "neuron.decision_price": "a = 0.5 时的价格",
    "neuron.decision_help": "x = -b / w：神经元在它的一侧预测“畅销”(a > 0.5)，另一侧预测“不畅销”。即图中的虚线。",
    "neuron.flat": "w = 0：曲线是平的，所有价格得到相同的 a。",
    "neuron.curve_sliders": "你的 w、b",
    "neuron.curve_trained": "训练得到",
    "neuron.price_axis": "价格 x（美元）",
    "neuron.a_axis": "a = P(畅销)",
    "neuron.train_header": "让梯度下降找到 w 和 b",
    "neuron.train_text": (
        "训练做的就是你刚才手动做的事：每次把 `w` 和 `b` 改一点，总是朝着让损失下降的方向。"
        "每点一次运行 {n} 个迭代次数 (epoch，每次遍历全部数据)，用 Adam，学习率 {lr}，从你的滑块位置出发。"
        "训练得到的曲线用绿色画出。"
    ),
    "neuron.train": "训练 {n} 个 epoch",
    "neuron.copy": "把训练结果放到滑块上",
    "neuron.reset": "重新开始训练",
    "neuron.not_trained": "还没有训练：点击上面的按钮。",
    "neuron.learned": "学到的 {name}",
    "neuron.trained_loss": "训练后的损失",
    "neuron.trained_epochs": "已训练 {n} 个 epoch。",
    "neuron.two_inputs_header": "两个输入：一条直的边界",
    "neuron.two_inputs_text": (
        "有两个输入时，神经元有两个权重（每个输入一个）和一个偏置。在 `w₁x₁ + w₂x₂ + b = 0` 的地方激活正好是 0.5："
        "这是一条**直线**，即神经元的决策边界。权重让这条线旋转（并决定从橙到蓝的过渡有多陡），偏置让它平移。"
        "单个神经元只能画出直的边界。"
    ),
    "neuron.boundary_equation": "边界 (a = 0.5)：**{equation}**",
    "neuron.next": "下一步：把多个神经元连成层（需求预测案例）。",
}
