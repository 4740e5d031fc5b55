STRINGS = {
    "optimizers.title": ("Optimizers: gradient descent vs Adam", "优化算法：梯度下降与 Adam"),
    "optimizers.intro": (
        "Gradient descent moves every parameter by the same learning rate times its gradient. **Adam** keeps a "
        "learning rate *per parameter*: when a parameter keeps moving the same way, its steps grow; when it "
        "swings back and forth, its steps shrink. So it usually trains faster, with less tuning of the "
        "learning rate.",
        "梯度下降用同一个学习率乘以梯度来更新每个参数。**Adam 算法**为模型的*每个参数*使用不同的学习率：如果一个参数一直朝着"
        "大致相同的方向移动，就自动增大它的学习率；如果它不断来回摆动，就减小它的学习率。因此它通常训练得更快，也不太需要手动调学习率。",
    ),
    # surface
    "optimizers.surface_header": ("1 · Two parameters: watch the path on the loss surface",
                                  "1 · 两个参数：观察损失曲面上的路径"),
    "optimizers.surface_text": (
        "One neuron, a = sigmoid(w·x + b), learns whether a T-shirt sells well from its price x (in tens of "
        "dollars). With only w and b we can draw the loss for every (w, b): dark is low loss, each band edge "
        "is a contour line. Both optimizers start at the same point ◆ and take the same number of steps. "
        "Here every step uses the whole training set, so one step = one epoch. Raise the gradient-descent "
        "learning rate and watch it zig-zag across the valley; Adam damps the swinging parameter.",
        "一个神经元 a = sigmoid(w·x + b) 根据价格 x（单位：十美元）学习一件 T 恤是否畅销。只有 w 和 b 两个参数，所以可以画出每个 "
        "(w, b) 的损失：颜色越深损失越小，每条色带边缘是一条等高线。两种算法从同一点 ◆ 出发，走同样多的步数。这里每一步都用整个"
        "训练集，所以一步 = 一个 epoch（迭代次数）。调高梯度下降的学习率，看它在山谷里来回“之”字形摆动；Adam 会减小摆动参数的步长。",
    ),
    "optimizers.start_w": ("start w", "初始 w"),
    "optimizers.start_b": ("start b", "初始 b"),
    "optimizers.lr_sgd": ("learning rate: gradient descent", "学习率：梯度下降"),
    "optimizers.lr_adam": ("learning rate: Adam", "学习率：Adam"),
    "optimizers.steps": ("epochs", "迭代次数 (epochs)"),
    "optimizers.w_axis": ("w (weight of the price)", "w（价格的权重）"),
    "optimizers.b_axis": ("b (bias)", "b（偏置）"),
    "optimizers.final_table": ("Where each optimizer ended", "每种算法的终点"),
    "optimizers.col_optimizer": ("optimizer", "优化算法"),
    "optimizers.col_final_loss": ("final loss", "最终损失"),
    "optimizers.col_epochs_to_target": ("epochs to reach loss {target:g}", "损失降到 {target:g} 所需的 epoch"),
    "optimizers.never": ("not reached", "未达到"),
    "optimizers.step_header": ("Adam's step size for each parameter", "Adam 为每个参数使用的步长"),
    "optimizers.step_text": (
        "Adam's effective learning rate of each parameter after every step (alpha_t / (sqrt(v) + eps): what "
        "plain gradient descent's learning rate would have to be to take the same step). Gradient descent "
        "uses one learning rate for both, the flat line.",
        "Adam 在每一步之后为每个参数使用的有效学习率（alpha_t / (sqrt(v) + eps)：梯度下降要走出同样的一步所需的学习率）。"
        "梯度下降对两个参数使用同一个学习率，即那条水平线。",
    ),
    "optimizers.step_value": ("step size shown", "显示的步长"),
    "optimizers.step_effective": ("effective learning rate", "有效学习率"),
    "optimizers.step_update": ("|change| of the parameter per step", "每步参数变化量 |Δ|"),
    "optimizers.sgd_line": ("gradient descent (w and b)", "梯度下降（w 和 b）"),
    "optimizers.adam_param": ("Adam: {name}", "Adam：{name}"),
    "optimizers.surface_loss_header": ("Loss per epoch", "每个 epoch 的损失"),
    # race
    "optimizers.race_header": ("2 · A race on a data set", "2 · 在数据集上比赛"),
    "optimizers.race_text": (
        "The same network (two tanh hidden layers of 8 neurons, a sigmoid output layer) is built twice with "
        "the same seed, so both copies start from **identical weights**; one trains with gradient descent, "
        "the other with Adam, on the same data and the same mini-batches order. An **epoch** is one pass over "
        "the whole training set: with {n} examples and a batch size of {batch}, one epoch is {steps} steps.",
        "同一个网络（两个各有 8 个 tanh 神经元的隐藏层，sigmoid 输出层）用同一个随机种子建立两次，所以两份副本从**完全相同的权重**"
        "出发；一份用梯度下降训练，另一份用 Adam，数据相同，小批量的顺序也相同。一个 **epoch（迭代次数）** 是把整个训练集过一遍："
        "{n} 个样本、批量大小 {batch} 时，一个 epoch 就是 {steps} 步。",
    ),
    "optimizers.dataset": ("data set", "数据集"),
    "optimizers.batch": ("batch size", "批量大小 (batch size)"),
    "optimizers.epochs_per_click": ("epochs per click", "每次点击训练的 epoch 数"),
    "optimizers.target": ("target loss", "目标损失"),
    "optimizers.race": ("Race {n} epochs", "比赛 {n} 个 epoch"),
    "optimizers.reset": ("Start again", "重新开始"),
    "optimizers.epoch_counter": ("epochs done", "已完成的 epoch"),
    "optimizers.same_start": ("Both start from the same {n} weights: {same}", "两者从相同的 {n} 个权重出发：{same}"),
    "optimizers.yes": ("yes", "是"),
    "optimizers.loss_of": ("loss: {name}", "损失：{name}"),
    "optimizers.reached_in": ("{name}: epochs to loss ≤ {target:g}", "{name}：降到 ≤ {target:g} 的 epoch"),
    "optimizers.not_yet": ("not yet", "尚未"),
    "optimizers.boundary_of": ("{name} after {epochs} epochs", "{name}：{epochs} 个 epoch 之后"),
    "optimizers.adam_spread": (
        "Adam's step sizes in this network now range from **{low:.2g}** to **{high:.2g}** across its {n} "
        "parameters (gradient descent: **{lr:g}** for all).",
        "这个网络中 Adam 的步长目前在 {n} 个参数之间从 **{low:.2g}** 到 **{high:.2g}** 不等（梯度下降：全部为 **{lr:g}**）。",
    ),
    "optimizers.diverged": ("{name}: {message}", "{name}：{message}"),
    "optimizers.press_race": ("Press the race button to train both networks.", "按“比赛”按钮训练两个网络。"),
}
