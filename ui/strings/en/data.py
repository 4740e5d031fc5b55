"""Text of the data widgets (ui/data_widgets.py): data set names, your-own-data upload, CSV errors, summaries."""

STRINGS = {
    # problem types
    "data.problem.binary": "binary classification",
    "data.problem.multiclass": "multi-class classification",
    "data.problem.multilabel": "multi-label classification",
    "data.problem.regression": "regression",
    # data set names (engine.datasets.DATASETS keys)
    "data.set.circle": "Circle",
    "data.set.xor": "XOR",
    "data.set.gaussians": "Two Gaussians",
    "data.set.spiral": "Spiral",
    "data.set.moons": "Moons",
    "data.set.multi_spiral": "K-arm spiral",
    "data.set.blobs": "Gaussian blobs",
    "data.set.multilabel": "Multi-label regions",
    "data.set.plane": "Plane",
    "data.set.gaussian_mix": "Gaussian mix",
    "data.set.house_price": "House price",
    "data.set.line_1d": "1-D line",
    "data.set.tshirt_price": "T-shirt price",
    "data.set.tshirt_demand": "T-shirt demand",
    "data.set.coffee": "Coffee roasting",
    "data.set.iris": "Iris flowers",
    "data.set.digits": "Handwritten digits",
    "data.set.upload": "Your own data",
    "data.desc.circle": "One class inside a circle, the other in a ring around it.",
    "data.desc.xor": "Class 1 where x1 and x2 have the same sign (exclusive or).",
    "data.desc.gaussians": "Two Gaussian clouds; a straight line separates them.",
    "data.desc.spiral": "Two interleaved spiral arms; needs several hidden layers.",
    "data.desc.moons": "Two interlocking half circles.",
    "data.desc.multi_spiral": "K interleaved spiral arms, one class each (softmax output layer).",
    "data.desc.blobs": "K Gaussian blobs, one class each (with K = 4, the course's four).",
    "data.desc.multilabel": (
        "Each point can carry several labels at once: inside circle A, right of a line, "
        "in a band, inside circle B."
    ),
    "data.desc.plane": "Target is a tilted plane, (x1 + x2) / 10.",
    "data.desc.gaussian_mix": "Target is a sum of six positive and negative Gaussian bumps.",
    "data.desc.upload": "Your own table: upload a CSV file or paste it, then choose its feature and target columns.",
    "data.desc.house_price": (
        "Price ($100k, never negative) from floor area (m²) and age (years); the output layer can be linear "
        "(auto) or ReLU."
    ),
    "data.desc.line_1d": "One input, y = 0.8 x + 1 plus noise: what a single linear neuron fits.",
    "data.desc.tshirt_price": "Price of a T-shirt -> best-seller or not (one neuron, notes §2).",
    "data.desc.tshirt_demand": (
        "Price, shipping, marketing, material -> best-seller, via affordability, awareness "
        "and perceived quality (notes §3)."
    ),
    "data.desc.coffee": "Roast temperature (°C) and duration (min) -> good roast or not.",
    "data.desc.iris": "150 irises, 4 measurements in cm, 3 species (Fisher 1936).",
    "data.desc.digits": "1797 handwritten digits as 8x8 images of 0..16, 10 classes.",
    # your own data
    "data.upload_file": "Upload a CSV file",
    "data.paste_table": "…or paste a table",
    "data.paste_placeholder": "x1,x2,label\n0.5,1.2,0\n1.5,-0.3,1\n…",
    "data.limits": (
        "At most {mb:g} MB and {rows} rows. Columns separated by commas, semicolons or tabs; the first "
        "row may hold the column names."
    ),
    "data.no_input": "Upload a CSV file or paste a table to use your own data.",
    "data.using_file": "Using the uploaded file {name} (remove it to use the pasted table).",
    "data.table_read": "Read {rows} rows and {cols} columns.",
    "data.target_columns": "Target column (several 0/1 columns = multi-label)",
    "data.feature_columns": "Feature columns (inputs)",
    "data.not_numeric_columns": (
        "Not all numbers (text or missing values), so not chosen as features: {columns}"
    ),
    "data.problem": "Problem type",
    "data.problem_auto": "Automatic: {problem}",
    "data.use_data": "Use this data",
    "data.download_csv": "Download the data as CSV",
    "data.head": "First rows",
    # summaries (notes §5: data as 2-D arrays)
    "data.shapes": "X: {x} (rows = examples, columns = features) · y: {y}",
    "data.class_counts": "Examples per class",
    "data.label_counts": "Examples carrying each label",
    "data.target_range": "Target from {low:.3g} to {high:.3g}, mean {mean:.3g}",
    "data.column.class": "class",
    "data.column.label": "label",
    "data.column.count": "examples",
    "data.column.target": "target y",
    # CSV errors (engine.csvdata.CSVError.code)
    "data.csv_error.too_many_bytes": "The file is {size_mb} MB; the limit is {limit_mb:g} MB.",
    "data.csv_error.empty": "The file is empty.",
    "data.csv_error.binary": (
        "This is not a CSV file: it contains binary data (is it a spreadsheet or an image? "
        "Save it as CSV first)."
    ),
    "data.csv_error.too_many_columns": "The table has {n} columns; the limit is {limit}.",
    "data.csv_error.ragged": "Row {row} has {found} fields but the first row has {expected}.",
    "data.csv_error.no_rows": "The table has a header row but no data rows.",
    "data.csv_error.too_many_rows": "The table has {n} rows; the limit is {limit}.",
    "data.csv_error.no_numeric": "The table has no numeric columns: a network needs numbers as input.",
    "data.csv_error.unknown_column": "There is no column named {column!r}.",
    "data.csv_error.text_in_column": (
        "Column {column!r} has text in data row {row}: {value!r}. It must hold "
        "numbers only."
    ),
    "data.csv_error.unreadable": "Line {row} cannot be read as CSV.",
    "data.csv_error.infinite_value": (
        "Column {column!r} has an infinite value in data row {row}: {value!r} ({count} in all). A network needs "
        "finite numbers: fix or remove those rows."
    ),
    "data.csv_error.too_large_value": (
        "Column {column!r} holds {value} in data row {row} ({count} such in all): numbers beyond {limit:g} "
        "overflow when squared (feature scaling and the squared error both square them). Rescale the column "
        "first, for example divide it by a power of ten."
    ),
    "data.csv_error.missing_value": (
        "Column {column!r} has a missing value (empty or NaN) in data row {row} "
        "({count} in all). Fill or remove those rows."
    ),
    "data.csv_error.bad_problem": "Unknown problem type {problem!r}.",
    "data.csv_error.no_features": "Choose at least one feature column.",
    "data.csv_error.no_target": "Choose a target column.",
    "data.csv_error.target_is_feature": "Column {column!r} is the target; it cannot also be a feature.",
    "data.csv_error.too_few_rows": "The table needs at least {limit} data rows.",
    "data.csv_error.one_target": (
        "This problem type takes one target column; several 0/1 columns are multi-label."
    ),
    "data.csv_error.multilabel_columns": (
        "A multi-label target needs two or more 0/1 columns (with one column, "
        "choose binary)."
    ),
    "data.csv_error.not_binary_labels": "Label column {column!r} must hold only 0 and 1.",
    "data.csv_error.single_class": (
        "The target {column!r} has a single class ({value!r}): a classifier needs at "
        "least two."
    ),
    "data.csv_error.too_many_classes": (
        "The target {column!r} has {n} different values: too many classes (at most "
        "{limit}). Is it a regression target?"
    ),
    "data.csv_error.not_binary": (
        "The target {column!r} has {n} classes; binary needs exactly two (choose "
        "multi-class)."
    ),
}
