STRINGS = {
    "model_io.title": ("Save, load and export the model", "保存、加载与导出模型"),
    "model_io.intro": (
        "Keep the trained network as a file, load one back, or take it elsewhere as Keras or plain NumPy code.",
        "把训练好的神经网络保存为文件、重新加载，或导出为 Keras 代码和纯 NumPy 代码带走。",
    ),
    "model_io.no_model": (
        "Build or train a network first: then its weights can be saved and exported.",
        "请先搭建或训练一个神经网络，之后才能保存和导出它的权重。",
    ),
    "model_io.download_model": ("Download the model (.json)", "下载模型 (.json)"),
    "model_io.download_model_help": (
        "Layers, activations, loss, optimizer and the trained weights and biases in one JSON file.",
        "一个 JSON 文件，包含各层、激活函数、损失、优化器以及训练好的权重和偏置。",
    ),
    "model_io.upload_model": ("Load a model (.json)", "加载模型 (.json)"),
    "model_io.upload_help": (
        "A model file downloaded from this playground (at most {mb} MB).",
        "从本游乐场下载的模型文件（最大 {mb} MB）。",
    ),
    "model_io.loaded": (
        "Loaded {name}: {layers} layer(s), {params} weights and biases.",
        "已加载 {name}：{layers} 层，共 {params} 个权重和偏置。",
    ),
    "model_io.load_failed": (
        "Could not load {name}: {reason} Your current model is unchanged.",
        "无法加载 {name}：{reason} 当前模型保持不变。",
    ),
    "model_io.too_large": (
        "the file is {size} MB; a model file may be at most {limit} MB.",
        "文件大小为 {size} MB，模型文件最大为 {limit} MB。",
    ),
    "model_io.not_text": (
        "the file is not UTF-8 text, so it is not a model file from this playground.",
        "该文件不是 UTF-8 文本，因此不是本游乐场导出的模型文件。",
    ),
    "model_io.unreadable": (
        "the file could not be read as a model.",
        "无法将该文件读取为模型。",
    ),
    "model_io.code_heading": ("Equivalent code", "等价代码"),
    "model_io.code_intro": (
        "Both scripts contain this network's trained weights and run as written. The preview hides the long "
        "weight lists; the downloaded file has every number.",
        "两个脚本都包含该神经网络训练好的权重，可直接运行。预览中省略了较长的权重列表，下载的文件包含全部数值。",
    ),
    "model_io.keras_tab": ("Keras", "Keras"),
    "model_io.numpy_tab": ("NumPy (as in the notes)", "NumPy（与课程笔记相同）"),
    "model_io.download_keras": ("Download Keras code (.py)", "下载 Keras 代码 (.py)"),
    "model_io.download_numpy": ("Download NumPy code (.py)", "下载 NumPy 代码 (.py)"),
    "model_io.keras_note": (
        "Needs Keras 3 and a backend (pip install keras tensorflow).",
        "需要 Keras 3 及其后端（pip install keras tensorflow）。",
    ),
    "model_io.numpy_note": (
        "Needs only NumPy: dense() computes each neuron with W[:, i], sequential() chains the layers.",
        "只需要 NumPy：dense() 用 W[:, i] 计算每个神经元，sequential() 把各层串联起来。",
    ),
    "model_io.code_failed": ("This network cannot be written as code: {reason}", "无法为该神经网络生成代码：{reason}"),
    "model_io.weights_elided": ("trained values: see the downloaded file", "训练得到的数值：见下载的文件"),
}
