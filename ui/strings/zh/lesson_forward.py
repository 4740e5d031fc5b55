STRINGS = {
    "forward.title": "前向传播，一步一步",
    "forward.intro": (
        "训练好的网络如何把一个样本变成预测？一层一层地算：每一层拿到前一层的激活 `a_in`，计算 `z = a_in · W + b`，"
        "再经过激活函数得到 `a = g(z)`。选一个样本（或自己输入），跟着真实的数字走一遍。"
    ),
    "forward.settings": "前向传播",
    "forward.network": "网络",
    "forward.network.coffee": "咖啡烘焙：2-3-2-1（ReLU、ReLU、sigmoid）",
    "forward.network.tshirt_demand": "短袖需求：4-3-1（sigmoid、sigmoid）",
    "forward.training_once": "正在训练网络（只需一次）...",
    "forward.data_header": "数据是二维数组",
    "forward.data_text": (
        "数据集是一个矩阵 `X`：**每行一个样本**，**每列一个特征**，这里是 {m} 行 {n} 列。"
        "单个样本也保持二维，是只有一行的矩阵，形状为 (1, {n})：这是 TensorFlow（以及本引擎）需要的形式，"
        "这样一个样本和一整批数据走的是同一段代码。（输入的是 NumPy 数组，TensorFlow 会把它转换成自己的张量。）"
    ),
    "forward.input_mode": "输入",
    "forward.mode.pick": "数据中的一个样本",
    "forward.mode.type": "自己输入特征",
    "forward.example": "样本（X 的第几行）",
    "forward.example_help": "0 到 {n} − 1",
    "forward.typed": "特征（{names}），用逗号分隔",
    "forward.bad_input": "无法使用你输入的内容：{reason} 下面改为显示所选的样本。",
    "forward.bad_count": "这个网络需要正好 {n} 个数字，你输入了 {got} 个。",
    "forward.bad_number": "每个特征都必须是有限的数字（比如 200 或 13.5）。",
    "forward.true_label": "这个样本的真实标签：**{label}**",
    "forward.whole_data": "整个数据集 `X`，形状为 **{shape}**（前几行）：",
    "forward.x_row": "这个样本写成一行 `x`，形状为 **{shape}**：",
    "forward.raw": "原始数值",
    "forward.scaled": "标准化后（网络开头的 Normalization 层）",
    "forward.f.temperature_c": "温度 (°C)",
    "forward.f.duration_min": "时长 (分钟)",
    "forward.f.price_usd": "价格 (美元)",
    "forward.f.shipping_usd": "运费 (美元)",
    "forward.f.marketing_k_usd": "营销 (千美元)",
    "forward.f.material_quality": "材料质量",
    "forward.output.coffee": "P(烘焙良好)",
    "forward.output.tshirt_demand": "P(畅销)",
    "forward.label.coffee.0": "烘焙不佳",
    "forward.label.coffee.1": "烘焙良好",
    "forward.label.tshirt_demand.0": "非畅销品",
    "forward.label.tshirt_demand.1": "畅销品",
    "forward.layers_header": "前向传播：一次一层",
    "forward.layers_text": (
        "选择一层。它的权重矩阵 `W` **每行对应一个输入**，**每列对应一个神经元**：第 i 列 `W[:, i]` 就是神经元 i 的权重。"
        "下面每个数字都是用训练好的网络、针对上面的样本真实计算出来的。"
    ),
    "forward.step": "层",
    "forward.layer_option": "{k}：{kind}（{g}）",
    "forward.shapes": "形状：`a_in` {a_in} · `W` {W} + `b` {b} → `z` {z} → `a = g(z)` {z}",
    "forward.a_in": "`a_in` = a{k}，形状 {shape}",
    "forward.W": "`W{k}`，形状 {shape}",
    "forward.b": "`b{k}`，形状 {shape}",
    "forward.z": "`z = a_in · W + b`，形状 {shape}",
    "forward.a": "`a{k} = g(z)`，形状 {shape}",
    "forward.two_ways_header": "同一层的两种写法",
    "forward.two_ways_text": (
        "左边是讲义中的 `dense()`：一次算一个神经元，`w = W[:, i]`，`z = np.dot(w, a_in) + b[i]`。"
        "右边是矢量化写法：一次矩阵乘法 (matmul) 算完所有神经元（如果 `A_in` 有多行，还能一次算多个样本）。"
        "下面两个函数就是实际运行的代码。"
    ),
    "forward.loop_title": "**逐个神经元循环**",
    "forward.matmul_title": "**矩阵乘法 (matmul)**",
    "forward.loop_vs_matmul": "循环与 matmul 的最大差值",
    "forward.vs_engine": "与引擎计算的 a 的最大差值",
    "forward.vs_engine_help": "引擎（Sequential.layer_outputs）在模型内部计算的同一层。",
    "forward.sequential_header": "把各层串起来：sequential()",
    "forward.sequential_text": "每一层的输出就是下一层的输入；最后一层的激活就是预测。",
    "forward.output_metric": "输出层：{name}",
    "forward.prediction": "预测（a > 0.5）",
}
