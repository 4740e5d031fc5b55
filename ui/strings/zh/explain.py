STRINGS = {
    "explain.open": "讲解一步训练",
    "explain.open_help": (
        "用这个网络自己的数字讲解前向传播、损失、反向传播和参数更新。讲解的是模型当前的样子："
        "暂停（或点“单步”）即可看到最新一步的数字。"
    ),
    "explain.intro": (
        "**你的**网络在第 **{epoch}** 个 epoch 之后的一步训练：所选样本（{set} #{index}）的前向传播和损失，"
        "该样本和当前批次（下一轮第一步按打乱后的顺序取的 {n} 个训练样本）的反向传播，以及优化器在该批次上走一步会做的更新。"
    ),
    "explain.set.test": "测试集",
    "explain.set.train": "训练集",
    "explain.view": "阶段",
    "explain.view.forward": "前向传播",
    "explain.view.loss": "损失",
    "explain.view.backward": "反向传播",
    "explain.view.update": "更新",
    "explain.section": "显示",
    "explain.section.step": "慢动作看一步",
    "explain.section.hidden": "隐藏层空间",
    "explain.section.health": "健康检查",
    "explain.back": "上一步",
    "explain.next": "下一步",
    "explain.phase_of": "慢动作：第 {k} / 4 阶段，{name}。用“下一步”和“上一步”逐个查看。",
    "explain.neuron": "神经元",
    "explain.forward_text": (
        "逐层计算：每个神经元用上一层的激活 `a` 计算 `z = w·a + b`（它的权重是 `W[:, i]` 这一列），"
        "再输出激活 `a = g(z)`。输入层就是特征（如果网络第一层是 Normalization，先做标准化）。"
    ),
    "explain.equation_of": "**{neuron}** 的公式，代入数字：",
    "explain.loss_text.binary": "二元交叉熵：sigmoid 输出 `a` 是类别 1 的概率；它越接近真实标签 `y`，损失越小。",
    "explain.loss_text.multilabel": (
        "多标签分类：每个 sigmoid 输出回答一个独立的是/否问题，各有自己的二元交叉熵；损失是它们的平均值。"
    ),
    "explain.loss_text.softmax": "Softmax 交叉熵：输出是各类别的概率；只有真实类别起作用，`L = −log a_y`。",
    "explain.loss_text.regression": "均方误差：预测值 `ŷ` 与目标值 `y` 之差的平方。",
    "explain.loss.from_logits": "   （a = {g}(z)，在损失函数内部计算：from_logits）",
    "explain.loss.label": "标签 {j}",
    "explain.loss.mean_labels": "L = 各标签的平均值",
    "explain.backward_text": (
        "反向传播从输出层往回用链式法则：`dL/dz` 表示损失随每个神经元的 `z` 如何变化；"
        "一条连接的梯度是 `dL/dw = a_in · dL/dz`，偏置的梯度是 `dL/db = dL/dz`。对一个批次，每个梯度是各样本的平均值。"
    ),
    "explain.point_or_batch": "梯度来自",
    "explain.point": "这个样本",
    "explain.batch": "当前批次（{n} 个样本）",
    "explain.links_of": "**{neuron}** 每条输入连接的梯度：",
    "explain.grad_links": "连线显示梯度 dL/dw（关闭：显示权重）",
    "explain.col.layer": "层",
    "explain.col.from": "来自",
    "explain.col.to": "到神经元",
    "explain.col.parameter": "参数",
    "explain.col.before": "更新前",
    "explain.col.step": "步长",
    "explain.col.after": "更新后",
    "explain.col.effective_lr": "有效学习率",
    "explain.update_text.sgd": "梯度下降让每个权重沿梯度的反方向移动一小步：所有参数用同一个学习率。",
    "explain.update_text.adam": (
        "Adam 为每个参数保存梯度的滑动平均 `m` 和梯度平方的滑动平均 `v`：步子方向一致时有效学习率变大，"
        "来回摆动时变小。表中是在当前批次上走的一步；模型本身不会被改变。"
    ),
    "explain.update_of": "**{neuron}** 的一步：它的输入权重和偏置：",
    "explain.apply": "走这一步",
    "explain.apply_help": "把这一步真正应用到网络上（一个批次，不是一个完整的 epoch），然后用新的权重从前向传播重新开始。",
    "explain.hidden_text": (
        "隐藏层眼中的数据：每个点画在该层两个神经元的激活处，灰线是输入平面上的直网格线被这一层弯曲后的样子。"
        "能把类别（比如螺旋）分开的层，会把它们拉开，让下一层用一条直线就能分开。"
    ),
    "explain.no_hidden": "这个网络没有隐藏层：加一层就能看到它如何映射数据。",
    "explain.hidden_layer": "隐藏层",
    "explain.unit_x": "横轴神经元",
    "explain.unit_y": "纵轴神经元",
    "explain.hidden_no_plane": "网格线需要两个输入的数据；这里只映射数据点。",
    "explain.health_text": "网络还能学习吗？在训练数据和当前批次上检查。",
    "explain.dead": (
        "{layer}：神经元 {units} 已经“死亡”：对每个训练样本 ReLU 的 z 都小于 0，梯度为 0，再也学不动了。"
        "试试换一个随机种子、降低学习率或用 leaky ReLU。"
    ),
    "explain.saturated": (
        "{layer}：神经元 {units} 已经饱和：{g} 的输出几乎对每个样本都停在极限附近，那里斜率接近 0，"
        "通过它们的学习非常慢。请把输入标准化或降低学习率。"
    ),
    "explain.vanishing": (
        "梯度消失：第一层的梯度（{first}）比输出层的（{last}）小一千倍以上，前面的层几乎学不动。"
        "隐藏层用 ReLU 或减少层数会有帮助。"
    ),
    "explain.exploding": "梯度爆炸：梯度非常大（第一层 {first}，输出层 {last}），每一步都冲过头。请降低学习率。",
    "explain.healthy": "没有死亡或饱和的神经元，梯度既没有消失也没有爆炸。",
    "explain.norms_later": "训练一会儿：这里会显示每层梯度大小随 epoch 的变化。",
}
