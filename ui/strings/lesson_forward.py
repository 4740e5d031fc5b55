STRINGS = {
    "forward.title": ("Forward pass, step by step", "前向传播，一步一步"),
    "forward.intro": (
        "How does a trained network turn one example into a prediction? Layer by layer: each layer takes the "
        "activations of the layer before, `a_in`, computes `z = a_in · W + b` and applies its activation "
        "function, `a = g(z)`. Pick an example (or type your own) and follow the real numbers.",
        "训练好的网络如何把一个样本变成预测？一层一层地算：每一层拿到前一层的激活 `a_in`，计算 `z = a_in · W + b`，"
        "再经过激活函数得到 `a = g(z)`。选一个样本（或自己输入），跟着真实的数字走一遍。",
    ),
    "forward.settings": ("Forward pass", "前向传播"),
    "forward.network": ("Network", "网络"),
    "forward.network.coffee": ("Coffee roasting: 2-3-2-1 (ReLU, ReLU, sigmoid)",
                               "咖啡烘焙：2-3-2-1（ReLU、ReLU、sigmoid）"),
    "forward.network.tshirt_demand": ("T-shirt demand: 4-3-1 (sigmoid, sigmoid)",
                                      "短袖需求：4-3-1（sigmoid、sigmoid）"),
    "forward.training_once": ("Training the network once...", "正在训练网络（只需一次）..."),
    "forward.data_header": ("Data as 2-D arrays", "数据是二维数组"),
    "forward.data_text": (
        "The data set is a matrix `X` with one **row per example** and one **column per feature**: here "
        "{m} rows and {n} columns. A single example is also kept 2-D, as a matrix with one row, shape (1, {n}): "
        "that is the form TensorFlow (and this engine) expect, so one example and a whole batch go through the "
        "same code. (NumPy arrays go in; TensorFlow turns them into its own tensors.)",
        "数据集是一个矩阵 `X`：**每行一个样本**，**每列一个特征**，这里是 {m} 行 {n} 列。"
        "单个样本也保持二维，是只有一行的矩阵，形状为 (1, {n})：这是 TensorFlow（以及本引擎）需要的形式，"
        "这样一个样本和一整批数据走的是同一段代码。（输入的是 NumPy 数组，TensorFlow 会把它转换成自己的张量。）",
    ),
    "forward.input_mode": ("Input", "输入"),
    "forward.mode.pick": ("an example from the data", "数据中的一个样本"),
    "forward.mode.type": ("type the features", "自己输入特征"),
    "forward.example": ("Example (row of X)", "样本（X 的第几行）"),
    "forward.example_help": ("0 to {n} − 1", "0 到 {n} − 1"),
    "forward.typed": ("Features ({names}), separated by commas", "特征（{names}），用逗号分隔"),
    "forward.bad_input": ("Cannot use what you typed: {reason} Showing the picked example instead.",
                          "无法使用你输入的内容：{reason} 下面改为显示所选的样本。"),
    "forward.bad_count": ("this network needs exactly {n} numbers, you typed {got}.",
                          "这个网络需要正好 {n} 个数字，你输入了 {got} 个。"),
    "forward.bad_number": ("every feature must be a finite number (like 200 or 13.5).",
                           "每个特征都必须是有限的数字（比如 200 或 13.5）。"),
    "forward.true_label": ("True label of this example: **{label}**", "这个样本的真实标签：**{label}**"),
    "forward.whole_data": ("The whole data set `X`, shape **{shape}** (first rows):",
                           "整个数据集 `X`，形状为 **{shape}**（前几行）："),
    "forward.x_row": ("This example as a row `x`, shape **{shape}**:", "这个样本写成一行 `x`，形状为 **{shape}**："),
    "forward.raw": ("as measured", "原始数值"),
    "forward.scaled": ("standardised (the Normalization layer the network starts with)",
                       "标准化后（网络开头的 Normalization 层）"),
    "forward.f.temperature_c": ("temperature (°C)", "温度 (°C)"),
    "forward.f.duration_min": ("duration (min)", "时长 (分钟)"),
    "forward.f.price_usd": ("price ($)", "价格 (美元)"),
    "forward.f.shipping_usd": ("shipping ($)", "运费 (美元)"),
    "forward.f.marketing_k_usd": ("marketing ($k)", "营销 (千美元)"),
    "forward.f.material_quality": ("material", "材料质量"),
    "forward.output.coffee": ("P(good roast)", "P(烘焙良好)"),
    "forward.output.tshirt_demand": ("P(best-seller)", "P(畅销)"),
    "forward.label.coffee.0": ("bad roast", "烘焙不佳"),
    "forward.label.coffee.1": ("good roast", "烘焙良好"),
    "forward.label.tshirt_demand.0": ("not a best-seller", "非畅销品"),
    "forward.label.tshirt_demand.1": ("best-seller", "畅销品"),
    "forward.layers_header": ("Forward propagation, one layer at a time", "前向传播：一次一层"),
    "forward.layers_text": (
        "Choose a layer. Its weight matrix `W` has one **row per input** and one **column per neuron**: "
        "column `W[:, i]` holds the weights of neuron i. Every number below is computed from the trained "
        "network for the example above.",
        "选择一层。它的权重矩阵 `W` **每行对应一个输入**，**每列对应一个神经元**：第 i 列 `W[:, i]` 就是神经元 i 的权重。"
        "下面每个数字都是用训练好的网络、针对上面的样本真实计算出来的。",
    ),
    "forward.step": ("Layer", "层"),
    "forward.layer_option": ("{k}: {kind} ({g})", "{k}：{kind}（{g}）"),
    "forward.shapes": (
        "Shapes: `a_in` {a_in} · `W` {W} + `b` {b} → `z` {z} → `a = g(z)` {z}",
        "形状：`a_in` {a_in} · `W` {W} + `b` {b} → `z` {z} → `a = g(z)` {z}",
    ),
    "forward.a_in": ("`a_in` = a{k}, shape {shape}", "`a_in` = a{k}，形状 {shape}"),
    "forward.W": ("`W{k}`, shape {shape}", "`W{k}`，形状 {shape}"),
    "forward.b": ("`b{k}`, shape {shape}", "`b{k}`，形状 {shape}"),
    "forward.z": ("`z = a_in · W + b`, shape {shape}", "`z = a_in · W + b`，形状 {shape}"),
    "forward.a": ("`a{k} = g(z)`, shape {shape}", "`a{k} = g(z)`，形状 {shape}"),
    "forward.two_ways_header": ("The same layer, two ways", "同一层的两种写法"),
    "forward.two_ways_text": (
        "Left, the notes' `dense()`: one neuron at a time, `w = W[:, i]`, `z = np.dot(w, a_in) + b[i]`. "
        "Right, the vectorised form: one matrix multiplication for all neurons (and, with more rows in `A_in`, "
        "for many examples at once). Both functions below are the code that actually ran.",
        "左边是讲义中的 `dense()`：一次算一个神经元，`w = W[:, i]`，`z = np.dot(w, a_in) + b[i]`。"
        "右边是矢量化写法：一次矩阵乘法 (matmul) 算完所有神经元（如果 `A_in` 有多行，还能一次算多个样本）。"
        "下面两个函数就是实际运行的代码。",
    ),
    "forward.loop_title": ("**Loop over the units**", "**逐个神经元循环**"),
    "forward.matmul_title": ("**Matrix multiplication**", "**矩阵乘法 (matmul)**"),
    "forward.loop_vs_matmul": ("largest difference, loop vs matmul", "循环与 matmul 的最大差值"),
    "forward.vs_engine": ("largest difference from the engine's a", "与引擎计算的 a 的最大差值"),
    "forward.vs_engine_help": (
        "The engine (Sequential.layer_outputs) computes the same layer inside the model.",
        "引擎（Sequential.layer_outputs）在模型内部计算的同一层。",
    ),
    "forward.sequential_header": ("Chaining the layers: sequential()", "把各层串起来：sequential()"),
    "forward.sequential_text": (
        "Each layer's output is the next layer's input; the last layer's activation is the prediction.",
        "每一层的输出就是下一层的输入；最后一层的激活就是预测。",
    ),
    "forward.output_metric": ("output layer: {name}", "输出层：{name}"),
    "forward.prediction": ("prediction (a > 0.5)", "预测（a > 0.5）"),
}
