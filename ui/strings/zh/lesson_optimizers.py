STRINGS = {
    "optimizers.title": "优化算法：梯度下降与 Adam",
    "optimizers.intro": (
        "梯度下降用同一个学习率乘以梯度来更新每个参数。**Adam 算法**为模型的*每个参数*使用不同的学习率：如果一个参数一直朝着"
        "大致相同的方向移动，就自动增大它的学习率；如果它不断来回摆动，就减小它的学习率。因此它通常训练得更快，也不太需要手动调学习率。"
    ),
    # surface
    "optimizers.surface_header": "1 · 两个参数：观察损失曲面上的路径",
    "optimizers.surface_text": (
        "一个神经元 a = sigmoid(w·x + b) 根据价格 x（单位：十美元）学习一件 T 恤是否畅销。只有 w 和 b 两个参数，所以可以画出每个 "
        "(w, b) 的损失：颜色越深损失越小，每条色带边缘是一条等高线。两种算法从同一点 ◆ 出发，走同样多的步数。这里每一步都用整个"
        "训练集，所以一步 = 一个 epoch（迭代次数）。调高梯度下降的学习率，看它在山谷里来回“之”字形摆动；Adam 会减小摆动参数的步长。"
    ),
    "optimizers.start_w": "初始 w",
    "optimizers.start_b": "初始 b",
    "optimizers.lr_sgd": "学习率：梯度下降",
    "optimizers.lr_adam": "学习率：Adam",
    "optimizers.steps": "迭代次数 (epochs)",
    "optimizers.w_axis": "w（价格的权重）",
    "optimizers.b_axis": "b（偏置）",
    "optimizers.final_table": "每种算法的终点",
    "optimizers.col_optimizer": "优化算法",
    "optimizers.col_final_loss": "最终损失",
    "optimizers.col_epochs_to_target": "损失降到 {target:g} 所需的 epoch",
    "optimizers.never": "未达到",
    "optimizers.step_header": "Adam 为每个参数使用的步长",
    "optimizers.step_text": (
        "Adam 在每一步之后为每个参数使用的有效学习率（alpha_t / (sqrt(v) + eps)：梯度下降要走出同样的一步所需的学习率）。"
        "梯度下降对两个参数使用同一个学习率，即那条水平线。"
    ),
    "optimizers.step_value": "显示的步长",
    "optimizers.step_effective": "有效学习率",
    "optimizers.step_update": "每步参数变化量 |Δ|",
    "optimizers.sgd_line": "梯度下降（w 和 b）",
    "optimizers.adam_param": "Adam：{name}",
    "optimizers.surface_loss_header": "每个 epoch 的损失",
    # race
    "optimizers.race_header": "2 · 在数据集上比赛",
    "optimizers.race_text": (
        "同一个网络（两个各有 8 个 tanh 神经元的隐藏层，sigmoid 输出层）用同一个随机种子建立两次，所以两份副本从**完全相同的权重**"
        "出发；一份用梯度下降训练，另一份用 Adam，数据相同，小批量的顺序也相同。一个 **epoch（迭代次数）** 是把整个训练集过一遍："
        "{n} 个样本、批量大小 {batch} 时，一个 epoch 就是 {steps} 步。"
    ),
    "optimizers.dataset": "数据集",
    "optimizers.batch": "批量大小 (batch size)",
    "optimizers.epochs_per_click": "每次点击训练的 epoch 数",
    "optimizers.target": "目标损失",
    "optimizers.race": "比赛 {n} 个 epoch",
    "optimizers.reset": "重新开始",
    "optimizers.epoch_counter": "已完成的 epoch",
    "optimizers.same_start": "两者从相同的 {n} 个权重出发：{same}",
    "optimizers.yes": "是",
    "optimizers.loss_of": "损失：{name}",
    "optimizers.reached_in": "{name}：降到 ≤ {target:g} 的 epoch",
    "optimizers.not_yet": "尚未",
    "optimizers.boundary_of": "{name}：{epochs} 个 epoch 之后",
    "optimizers.adam_spread": (
        "这个网络中 Adam 的步长目前在 {n} 个参数之间从 **{low:.2g}** 到 **{high:.2g}** 不等（梯度下降：全部为 **{lr:g}**）。"
    ),
    "optimizers.diverged": "{name}：{message}",
    "optimizers.press_race": "按“比赛”按钮训练两个网络。",
}
