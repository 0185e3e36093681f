"""Process-wide WebUI objects, under the names extensions use: cmd_opts, opts, state, demo, sd_model."""
from modules import options, shared_cmd_options, shared_options, shared_state

cmd_opts = shared_cmd_options.cmd_opts

OptionInfo = options.OptionInfo
options_section = options.options_section
opts = options.Options(shared_options.options_templates)

state = shared_state.State()

demo = None
sd_model = None  # a sd_models.StandinModel once webui.py has "loaded" it


class _TotalProgressBar:
    """A1111's console progress bar; the API handlers call clear() on it."""

    def update(self):
        pass

    def clear(self):
        pass


total_tqdm = _TotalProgressBar()
