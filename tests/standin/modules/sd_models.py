"""A checkpoint that weighs nothing: enough for infotexts and on_model_loaded."""
from modules import script_callbacks, shared


class CheckpointInfo:
    def __init__(self, name):
        self.filename = f"/models/Stable-diffusion/{name}"
        self.name = name
        self.name_for_extra = name.rsplit(".", 1)[0]
        self.model_name = self.name_for_extra
        self.hash = "00000000"
        self.sha256 = "0" * 64
        self.shorthash = "0000000000"
        self.title = f"{name} [{self.shorthash}]"


class StandinModel:
    def __init__(self, checkpoint_info: CheckpointInfo):
        self.sd_checkpoint_info = checkpoint_info
        self.sd_model_checkpoint = checkpoint_info.filename
        self.sd_model_hash = checkpoint_info.shorthash
        self.is_sdxl = False


checkpoint_info = CheckpointInfo("standin.safetensors")
checkpoint_aliases = {
    checkpoint_info.title: checkpoint_info,
    checkpoint_info.name: checkpoint_info,
    checkpoint_info.name_for_extra: checkpoint_info,
}


def load_model():
    """Install the stand-in checkpoint as shared.sd_model and tell the extensions."""
    shared.sd_model = StandinModel(checkpoint_info)
    script_callbacks.model_loaded_callback(shared.sd_model)
    return shared.sd_model
