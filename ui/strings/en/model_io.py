STRINGS = {
    "model_io.title": "Save, load and export the model",
    "model_io.intro": (
        "Keep the trained network as a file, load one back, or take it elsewhere as Keras or plain NumPy code."
    ),
    "model_io.no_model": "Build or train a network first: then its weights can be saved and exported.",
    "model_io.download_model": "Download the model (.json)",
    "model_io.download_model_help": (
        "Layers, activations, loss, optimizer and the trained weights and biases in one JSON file."
    ),
    "model_io.upload_model": "Load a model (.json)",
    "model_io.upload_help": "A model file downloaded from this playground (at most {mb} MB).",
    "model_io.loaded": "Loaded {name}: {layers} layer(s), {params} weights and biases.",
    "model_io.load_failed": "Could not load {name}: {reason} Your current model is unchanged.",
    "model_io.too_large": "the file is {size} MB; a model file may be at most {limit} MB.",
    "model_io.not_text": "the file is not UTF-8 text, so it is not a model file from this playground.",
    "model_io.unreadable": "the file could not be read as a model.",
    "model_io.code_heading": "Equivalent code",
    "model_io.code_intro": (
        "Both scripts contain this network's trained weights and run as written. The preview hides the long "
        "weight lists; the downloaded file has every number."
    ),
    "model_io.keras_tab": "Keras",
    "model_io.numpy_tab": "NumPy (as in the notes)",
    "model_io.download_keras": "Download Keras code (.py)",
    "model_io.download_numpy": "Download NumPy code (.py)",
    "model_io.keras_note": "Needs Keras 3 and a backend (pip install keras tensorflow).",
    "model_io.numpy_note": (
        "Needs only NumPy: dense() computes each neuron with W[:, i], sequential() chains the layers."
    ),
    "model_io.code_failed": "This network cannot be written as code: {reason}",
    "model_io.weights_elided": "trained values: see the downloaded file",
    "model_io.not_adopted": "{name} was read but not loaded: {reason}",
    "model_io.not_adopted_switch": (
        "{name} was read but not loaded: {reason} The file also holds the Playground settings it was trained "
        "with: switch to them to load it."
    ),
    "model_io.switch": "Switch to the file's settings ({settings}) and load it",
    "model_io.loaded_with_settings": (
        "Loaded {name} with the settings it was saved with: {layers} layer(s), {params} weights and biases."
    ),
    "model_io.settings_invalid": "the file's Playground settings are not valid here ({field}). Nothing was changed.",
    "model_io.settings_upload": (
        "the file was trained on an uploaded table: upload that table first, then load the model. "
        "Nothing was changed."
    ),
    # engine.serialization.ModelFileError, by code (and by `kind` for an invalid file)
    "model_io.error.model_file_unreadable": "the file could not be read ({reason}).",
    "model_io.error.model_file_too_large": "the file is too large to be a model from this playground.",
    "model_io.error.model_file_not_json": "the file is not JSON ({detail}).",
    "model_io.invalid.whole": "in this file, {what} must be a whole number from {low} to {high}.",
    "model_io.invalid.unknown": "this file names an unknown {what}: {value}.",
    "model_io.invalid.array_list": "in this file, {what} must be a list of numbers.",
    "model_io.invalid.array_rectangular": "in this file, {what} must be a regular (rectangular) list of numbers.",
    "model_io.invalid.array_numbers": "in this file, {what} must hold numbers only.",
    "model_io.invalid.array_shape": "in this file, {what} has shape {shape}; the network needs {expected}.",
    "model_io.invalid.array_finite": "in this file, {what} holds a value that is not a finite number.",
    "model_io.invalid.nested": "the file is nested too deeply to be a model file.",
    "model_io.invalid.not_text": "the file is not UTF-8 text, so it is not a model file from this playground.",
    "model_io.invalid.other": "this is not a valid model file ({detail}).",
}
