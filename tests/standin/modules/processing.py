"""The fake generator: A1111's processing objects and process_images(), drawing with standin_painter.

Each sampling step sleeps --standin-step-seconds and updates shared.state, so progress, the FIFO
queue and interrupts behave as with a real model. A prompt containing FAILURE_TRIGGER makes
sampling raise, the way a CUDA error would.
"""
import json
import random
import time

from modules import shared, standin_generations, standin_painter
from modules.shared import opts, state

FAILURE_TRIGGER = "STANDIN_RAISE"


class StableDiffusionProcessing:
    def __init__(self, sd_model=None, prompt="", negative_prompt="", styles=None, seed=-1, subseed=-1,
                 subseed_strength=0, seed_resize_from_h=-1, seed_resize_from_w=-1, sampler_name=None,
                 scheduler=None, batch_size=1, n_iter=1, steps=50, cfg_scale=7.0, width=512, height=512,
                 restore_faces=None, tiling=None, do_not_save_samples=False, do_not_save_grid=False,
                 override_settings=None, override_settings_restore_afterwards=True, denoising_strength=None,
                 force_task_id=None, **other_fields):
        self.sd_model = sd_model
        self.prompt = prompt or ""
        self.negative_prompt = negative_prompt or ""
        self.styles = styles or []
        self.seed = seed
        self.subseed = subseed
        self.subseed_strength = subseed_strength or 0
        self.seed_resize_from_h = seed_resize_from_h
        self.seed_resize_from_w = seed_resize_from_w
        self.sampler_name = sampler_name
        self.scheduler = scheduler
        self.batch_size = batch_size or 1
        self.n_iter = n_iter or 1
        self.steps = steps if steps is not None else 50
        self.cfg_scale = cfg_scale
        self.width = width or 512
        self.height = height or 512
        self.restore_faces = restore_faces
        self.tiling = tiling
        self.do_not_save_samples = do_not_save_samples
        self.do_not_save_grid = do_not_save_grid
        self.override_settings = dict(override_settings or {})
        self.override_settings_restore_afterwards = override_settings_restore_afterwards
        self.denoising_strength = denoising_strength
        self.force_task_id = force_task_id
        for key, value in other_fields.items():
            setattr(self, key, value)

        self.is_api = False
        self.scripts = None
        self._script_args = None
        self._scripts_setup_complete = False
        self.outpath_samples = None
        self.outpath_grids = None
        self.extra_generation_params = {}
        self.iteration = 0
        self.all_prompts = self.all_negative_prompts = self.all_seeds = self.all_subseeds = None

    @property
    def script_args(self):
        return self._script_args

    @script_args.setter
    def script_args(self, value):
        # As in A1111: assigning the args is what runs the scripts' setup().
        self._script_args = value
        if self.scripts is not None and value and not self._scripts_setup_complete:
            self._scripts_setup_complete = True
            self.scripts.setup_scrips(self)

    def close(self):
        pass

    def image_for(self, index, seed):
        # Where A1111 v1.10.1 decodes the model's latents (modules/processing.py process_images_inner), the stand-in
        # draws from the seed; --standin-grain makes the PNG as large as a real picture's.
        painted = standin_painter.paint(seed, self.all_prompts[index], self.width, self.height)
        return standin_painter.with_grain(painted, seed, shared.cmd_opts.standin_grain)


class StableDiffusionProcessingTxt2Img(StableDiffusionProcessing):
    def __init__(self, enable_hr=False, hr_scale=2.0, hr_upscaler=None, hr_second_pass_steps=0, **kwargs):
        super().__init__(**kwargs)
        self.enable_hr = enable_hr
        self.hr_scale = hr_scale
        self.hr_upscaler = hr_upscaler
        self.hr_second_pass_steps = hr_second_pass_steps


class StableDiffusionProcessingImg2Img(StableDiffusionProcessing):
    def __init__(self, init_images=None, mask=None, resize_mode=0, denoising_strength=0.75, **kwargs):
        super().__init__(denoising_strength=denoising_strength, **kwargs)
        self.init_images = init_images
        self.image_mask = mask
        self.resize_mode = resize_mode

    def image_for(self, index, seed):
        painted = super().image_for(index, seed)
        if not self.init_images:
            return painted
        init = self.init_images[index % len(self.init_images)]
        strength = self.denoising_strength if self.denoising_strength is not None else 0.75
        return standin_painter.blend_with_init(painted, init, strength)


class Processed:
    def __init__(self, p: StableDiffusionProcessing, images, infotexts):
        self.images = images
        self.infotexts = infotexts
        self.prompt = p.prompt
        self.negative_prompt = p.negative_prompt
        self.seed = p.all_seeds[0]
        self.subseed = p.all_subseeds[0]
        self.all_prompts = p.all_prompts
        self.all_negative_prompts = p.all_negative_prompts
        self.all_seeds = p.all_seeds
        self.all_subseeds = p.all_subseeds
        self.width, self.height = p.width, p.height
        self.sampler_name = p.sampler_name
        self.cfg_scale = p.cfg_scale
        self.steps = p.steps
        self.batch_size = p.batch_size
        self.restore_faces = p.restore_faces
        self.subseed_strength = p.subseed_strength
        self.seed_resize_from_w, self.seed_resize_from_h = p.seed_resize_from_w, p.seed_resize_from_h
        self.denoising_strength = p.denoising_strength
        self.extra_generation_params = p.extra_generation_params
        self.styles = p.styles
        self.job_timestamp = state.job_timestamp
        self.index_of_first_image = 0

    def js(self):
        """The response's `info`: a JSON *string*, as in A1111."""
        model = shared.sd_model
        return json.dumps({
            "prompt": self.all_prompts[0],
            "all_prompts": self.all_prompts,
            "negative_prompt": self.all_negative_prompts[0],
            "all_negative_prompts": self.all_negative_prompts,
            "seed": self.seed,
            "all_seeds": self.all_seeds,
            "subseed": self.subseed,
            "all_subseeds": self.all_subseeds,
            "subseed_strength": self.subseed_strength,
            "width": self.width,
            "height": self.height,
            "sampler_name": self.sampler_name,
            "cfg_scale": self.cfg_scale,
            "steps": self.steps,
            "batch_size": self.batch_size,
            "restore_faces": self.restore_faces,
            "face_restoration_model": None,
            "sd_model_name": model.sd_checkpoint_info.model_name if model else None,
            "sd_model_hash": model.sd_model_hash if model else None,
            "sd_vae_name": None,
            "sd_vae_hash": None,
            "seed_resize_from_w": self.seed_resize_from_w,
            "seed_resize_from_h": self.seed_resize_from_h,
            "denoising_strength": self.denoising_strength,
            "extra_generation_params": self.extra_generation_params,
            "index_of_first_image": self.index_of_first_image,
            "infotexts": self.infotexts,
            "styles": self.styles,
            "job_timestamp": self.job_timestamp,
            "clip_skip": opts.CLIP_stop_at_last_layers,
            "is_using_inpainting_conditioning": False,
            "version": "standin",
        }, default=lambda o: None)


def fixed_seed(seed):
    if seed in ("", None, -1):
        return int(random.randrange(4294967294))
    return int(seed)


def _denoises(p):
    return isinstance(p, StableDiffusionProcessingImg2Img) or getattr(p, "enable_hr", False)


def create_infotext(p, index):
    params = {
        "Steps": p.steps,
        "Sampler": p.sampler_name,
        "Schedule type": p.scheduler if p.scheduler and p.scheduler != "Automatic" else None,
        "CFG scale": p.cfg_scale,
        "Seed": p.all_seeds[index],
        "Size": f"{p.width}x{p.height}",
        "Model hash": shared.sd_model.sd_model_hash if shared.sd_model else None,
        "Model": shared.sd_model.sd_checkpoint_info.model_name if shared.sd_model else None,
        "Denoising strength": p.denoising_strength if _denoises(p) else None,
        "Version": "standin",
    }
    settings = ", ".join(f"{k}: {v}" for k, v in params.items() if v is not None)
    negative = f"\nNegative prompt: {p.all_negative_prompts[index]}" if p.all_negative_prompts[index] else ""
    return f"{p.all_prompts[index]}{negative}\n{settings}".strip()


def _sample(p, step_seconds, must_fail):
    """The step loop; returns early on interrupt or skip (A1111 then decodes what it has)."""
    state.sampling_steps = p.steps
    for step in range(p.steps):
        if state.interrupted or state.skipped:
            return
        if step_seconds > 0:
            time.sleep(step_seconds)
        state.sampling_step = step + 1
        if must_fail:
            break
    if must_fail:
        raise RuntimeError("standin: generation failed on purpose")


def process_images(p: StableDiffusionProcessing) -> Processed:
    standin_generations.count_one()
    if p.scripts is not None:
        p.scripts.before_process(p)

    stored_opts = {k: opts.data[k] for k in p.override_settings if k in opts.data}
    try:
        for key, value in p.override_settings.items():
            opts.set(key, value, is_api=True, run_callbacks=False)
        return _process_images_inner(p)
    finally:
        if p.override_settings_restore_afterwards:
            for key, value in stored_opts.items():
                setattr(opts, key, value)


def _process_images_inner(p) -> Processed:
    total = p.n_iter * p.batch_size
    seed, subseed = fixed_seed(p.seed), fixed_seed(p.subseed)
    p.all_prompts = [p.prompt] * total
    p.all_negative_prompts = [p.negative_prompt] * total
    p.all_seeds = [seed + (i if p.subseed_strength == 0 else 0) for i in range(total)]
    p.all_subseeds = [subseed + i for i in range(total)]
    if p.scripts is not None:
        p.scripts.process(p)

    if state.job_count == -1:
        state.job_count = p.n_iter
    step_seconds = shared.cmd_opts.standin_step_seconds
    must_fail = FAILURE_TRIGGER in p.prompt

    images, infotexts = [], []
    for n in range(p.n_iter):
        p.iteration = n
        if state.skipped:
            state.skipped = False
        if state.interrupted or state.stopping_generation:
            break
        if p.n_iter > 1:
            state.job = f"Batch {n + 1} out of {p.n_iter}"

        _sample(p, step_seconds, must_fail)
        for i in range(p.batch_size):
            index = n * p.batch_size + i
            image = p.image_for(index, p.all_seeds[index])
            text = create_infotext(p, index)
            if opts.enable_pnginfo:
                image.info["parameters"] = text
            images.append(image)
            infotexts.append(text)
        state.nextjob()

    processed = Processed(p, images, infotexts)
    if p.scripts is not None:
        p.scripts.postprocess(p, processed)
    return processed
