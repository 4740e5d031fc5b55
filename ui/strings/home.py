STRINGS = {
    "home.intro": (
        "Build a neural network layer by layer, train it, and watch it learn.",
        "逐层搭建神经网络，训练它，观察它如何学习。",
    ),
}
