STRINGS = {
    "charts.class": ("class", "类别"),
    "charts.probability": ("probability", "概率"),
    "charts.probability_of": ("P({name})", "P({name})"),
    "charts.prediction": ("prediction", "预测值"),
    "charts.target": ("target", "目标值"),
    "charts.points": ("points", "数据点"),
    "charts.other": ("other", "其他"),
    "charts.curves": ("curves", "曲线"),
    "charts.no_epochs": ("not trained yet", "尚未训练"),
}
