STRINGS = {
    # Playground: the loss landscape (shown while paused)
    "landscape.header": "当前权重周围的损失地形",
    "landscape.text": (
        "这是权重空间中一个切面上的真实训练损失：中心 ◆ 是网络现在的样子；α 和 β 让所有权重同时沿两个随机方向移动，"
        "每个神经元的方向都缩放到与该神经元权重一样大（滤波器归一化，Li 等，2018），所以 α = 1 表示一步与权重本身一样大。"
        "拖动三维曲面可以旋转它。宽而平的山谷通常比窄的山谷泛化得更好。"
    ),
    "landscape.alpha": "α（方向 1）",
    "landscape.beta": "β（方向 2）",
    "landscape.path": "训练路径（{n} 个检查点）",
    "landscape.current": "现在：损失 {loss}",
    "landscape.resolution": "分辨率",
    "landscape.resolution_help": "每边的网格点数：切面在 n × n 组权重上计算损失。",
    "landscape.radius": "范围 ±",
    "landscape.radius_help": "切面沿每个方向延伸多远，以权重本身的大小为单位。",
    "landscape.directions": "方向",
    "landscape.directions_help": (
        "随机：两个经过滤波器归一化的随机方向。沿路径：训练路径移动最多的两个方向（主成分），缩放到 ±1 正好是路径本身的范围。"
    ),
    "landscape.dirs_random": "随机",
    "landscape.dirs_path": "沿路径",
    "landscape.compute": "计算损失地形",
    "landscape.new_directions": "换一组随机方向",
    "landscape.computing": "正在计算 {n} 组权重的损失…",
    "landscape.failed": "无法计算损失地形：{detail}",
    "landscape.press": "先训练一会儿再暂停，或按下按钮查看初始权重周围的损失。",
    "landscape.press_big": "这个网络和数据集较大：请按按钮计算损失地形。",
    "landscape.stale": "显示的是上一次计算的损失地形；之后权重或设置已经改变。",
    "landscape.cost": (
        "中心的损失 {loss}。代价：{n} 组权重 × {points} 个训练样本，用时 {seconds} 秒，相当于 {ratio} 次 evaluate 调用"
        "（各组权重成批计算，而不是一组一组地算）。"
    ),
    "landscape.random_path_note": (
        "在权重很多的空间里，两个随机方向几乎与路径垂直，所以路径的投影看起来很短：选择“沿路径”可以看到训练实际移动的平面。"
    ),
    # Playground: the softmax simplex
    "landscape.simplex_header": "三角形上的 softmax",
    "landscape.simplex_text": (
        "每个训练样本的三个概率（总和为 1）画成三角形中的一个点，颜色表示它的真实类别。靠近某个角的点表示模型很有把握地预测为"
        "该类别；靠近中间则表示网络分不清这几个类别。"
    ),
    # Optimizers lesson: the surface in 3-D
    "landscape.opt3d_header": "同一个损失曲面的三维视图",
    "landscape.opt3d_text": (
        "第 1 部分的损失画成可以用鼠标旋转的曲面（左），旁边是它的等高线图（右，对数刻度）。两条路径都按真实损失画在曲面上："
        "梯度下降（虚线）和 Adam（实线），从同一点出发。"
    ),
    # One neuron: the output surface
    "landscape.neuron3d_header": "把神经元的输出画成曲面",
    "landscape.neuron3d_text": (
        "上面的双输入神经元 a = sigmoid(w₁x₁ + w₂x₂ + b) 在平面上画成 0 到 1 的高度，每个数据点画在它的标签高度上"
        "（类别 0 在 0，类别 1 在 1）。移动 w₁ 和 w₂：曲面倾斜（最陡的方向是 (w₁, w₂)）。移动 b：曲面平移。"
        "决策边界 a = 0.5 是中间那条白线。"
    ),
    "landscape.neuron3d_now": "决策边界 a = 0.5 是直线 {equation}",
    "landscape.neuron3d_z": "a = sigmoid(z)",
    # Softmax lesson: the simplex
    "landscape.softmax3_header": "三个类别：三角形上的 softmax",
    "landscape.softmax3_text": (
        "有三个类别时，三个概率之和为 1，所以它们是三角形中的一个点：角表示确定是该类别，中心是 (1/3, 1/3, 1/3)。"
        "左：你在上面拖动的 logits。右：第 2 部分网络的每个训练样本，颜色表示真实类别。"
    ),
    "landscape.softmax3_dragged": "你设置的 logits",
    "landscape.softmax3_trained": "训练样本（按真实类别）",
    "landscape.softmax3_set_three": "把页面顶部的类别数 N 设为 3，就能看到三角形上的点。",
    "landscape.softmax3_train_three": "把第 2 部分的类别数设为 3，就能在三角形上看到每个训练样本。",
}
