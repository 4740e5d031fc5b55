STRINGS = {
    "home.tagline": (
        "Build a neural network layer by layer, train it, and watch it learn.",
        "逐层搭建神经网络，训练它，看着它学习。",
    ),
    "home.intro": (
        "Decision boundaries, probabilities and the loss change live while it trains. "
        "Nothing to install and nothing to break: change anything and press Play again.",
        "训练时，决策边界、概率和损失都会实时变化。不用安装，也不会弄坏什么：改动任何设置，再按一次播放即可。",
    ),
    "home.nav_home": ("Home", "首页"),
    "home.start_here": ("Where to start", "从哪里开始"),
    "home.start_hint": (
        "New to neural networks? Walk the lessons in order, starting with **One neuron**. "
        "Know the basics? Go straight to the **Playground**.",
        "第一次接触神经网络？按顺序学习，从 **一个神经元** 开始。已经了解基础？直接打开 **游乐场**。",
    ),
    "home.open": ("Open", "打开"),
    "home.notes_section": ("Notes: {section}", "讲义：{section}"),
    "home.page_missing_text": ("(no description yet)", "（暂无说明）"),
    "home.footer": (
        "Every page works in English and Chinese: switch in the sidebar. "
        "The Playground's settings live in its URL, so a link opens exactly what you see.",
        "每个页面都有中英文：在侧边栏切换。游乐场的设置保存在网址里，分享链接即可打开你看到的同一个网络。",
    ),
    # One card per page: its name, what it teaches (one line), and the section of the course notes.
    # Keyed by the page's URL name (pages/N_<Name>.py -> <Name>).
    "home.page.Playground.name": ("Playground", "游乐场"),
    "home.page.Playground.what": (
        "Build any network, pick activations, head, loss and optimizer, and watch it train live.",
        "搭建任意网络，选择激活、输出层、损失和优化器，实时观看训练。",
    ),
    "home.page.Playground.notes": ("all sections; epochs (§14)", "全部章节；迭代次数（§14）"),
    "home.page.One_Neuron.name": ("One neuron", "一个神经元"),
    "home.page.One_Neuron.what": (
        "Drag w and b of one sigmoid neuron; fit it to T-shirt prices.",
        "拖动一个 sigmoid 神经元的 w 和 b；用它拟合短袖价格。",
    ),
    "home.page.One_Neuron.notes": ("Neurons, case 1 (§1–2)", "神经元，案例一（§1–2）"),
    "home.page.Demand_Case_Study.name": ("Demand case study", "需求预测案例"),
    "home.page.Demand_Case_Study.what": (
        "Train the 4-3-1 best-seller network and see what each hidden neuron learned.",
        "训练 4-3-1 畅销品网络，看看每个隐藏层神经元学到了什么。",
    ),
    "home.page.Demand_Case_Study.notes": ("Case 2, layers (§3)", "案例二，层（§3）"),
    "home.page.Forward_Pass.name": ("Forward pass", "向前传播"),
    "home.page.Forward_Pass.what": (
        "Step one example through the layers: z = a·W + b, a = g(z), with real numbers.",
        "把一个样本逐层算一遍：z = a·W + b，a = g(z)，全是真实数字。",
    ),
    "home.page.Forward_Pass.notes": (
        "Layers, data as arrays, forward propagation (§4–6)", "层、数据形式、向前传播（§4–6）",
    ),
    "home.page.Activations.name": ("Activations", "激活函数"),
    "home.page.Activations.what": (
        "Sigmoid, ReLU, linear: plot them, and see why hidden layers need a non-linear one.",
        "sigmoid、ReLU、线性：画出来，看看隐藏层为什么需要非线性激活。",
    ),
    "home.page.Activations.notes": ("Activation functions (§7–9)", "激活函数（§7–9）"),
    "home.page.Softmax.name": ("Softmax", "Softmax"),
    "home.page.Softmax.what": (
        "Set logits, watch the probabilities and the loss; why from_logits=True is more accurate.",
        "设置 logits，观察概率和损失；为什么 from_logits=True 更精确。",
    ),
    "home.page.Softmax.notes": ("Multi-class, softmax (§10–11)", "多分类问题，Softmax（§10–11）"),
    "home.page.Multi_Label.name": ("Multi-label", "多标签分类"),
    "home.page.Multi_Label.what": (
        "Several independent sigmoid outputs: car, bus, pedestrian in one picture.",
        "多个独立的 sigmoid 输出：一张图里同时有汽车、公交车、行人。",
    ),
    "home.page.Multi_Label.notes": ("Multi-label classification (§12)", "多标签分类问题（§12）"),
    "home.page.Optimizers.name": ("Optimizers", "优化算法"),
    "home.page.Optimizers.what": (
        "Race gradient descent against Adam from the same start; see per-parameter step sizes.",
        "让梯度下降和 Adam 从同一起点比赛；查看每个参数的步长。",
    ),
    "home.page.Optimizers.notes": ("Adam (§13)", "Adam 算法（§13）"),
    "home.page.Digits.name": ("Digits", "手写数字"),
    "home.page.Digits.what": (
        "Train a softmax network on real handwritten digits and see what it gets wrong.",
        "在真实的手写数字上训练 softmax 网络，看看它错在哪里。",
    ),
    "home.page.Digits.notes": ("Softmax on real data (§10, §14)", "真实数据上的 Softmax（§10、§14）"),
}
