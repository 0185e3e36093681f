"""Request and response bodies of the /sdapi/v1 routes (pydantic v1, A1111's fields and defaults).

A1111 generates the request models from the processing classes' signatures; every field is
Optional, unknown keys are dropped silently, and a wrong type gives FastAPI's 422.
"""
from typing import Any, Dict, List, Optional

from pydantic import BaseModel, Field


class _ProcessingRequest(BaseModel):
    prompt: Optional[str] = ""
    negative_prompt: Optional[str] = ""
    styles: Optional[List[str]] = None
    seed: Optional[int] = -1
    subseed: Optional[int] = -1
    subseed_strength: Optional[float] = 0
    seed_resize_from_h: Optional[int] = -1
    seed_resize_from_w: Optional[int] = -1
    sampler_name: Optional[str] = None
    scheduler: Optional[str] = None
    batch_size: Optional[int] = 1
    n_iter: Optional[int] = 1
    steps: Optional[int] = 50
    cfg_scale: Optional[float] = 7.0
    width: Optional[int] = 512
    height: Optional[int] = 512
    restore_faces: Optional[bool] = None
    tiling: Optional[bool] = None
    do_not_save_samples: Optional[bool] = False
    do_not_save_grid: Optional[bool] = False
    eta: Optional[float] = None
    s_min_uncond: Optional[float] = None
    s_churn: Optional[float] = None
    s_tmax: Optional[float] = None
    s_tmin: Optional[float] = None
    s_noise: Optional[float] = None
    override_settings: Optional[Dict[str, Any]] = None
    override_settings_restore_afterwards: Optional[bool] = True
    refiner_checkpoint: Optional[str] = None
    refiner_switch_at: Optional[float] = None
    disable_extra_networks: Optional[bool] = False
    comments: Optional[Dict[str, Any]] = None
    force_task_id: Optional[str] = None

    # Fields the API adds to the processing parameters.
    sampler_index: Optional[str] = "Euler"
    script_name: Optional[str] = None
    script_args: Optional[list] = []
    send_images: Optional[bool] = True
    save_images: Optional[bool] = False
    alwayson_scripts: Optional[dict] = {}
    infotext: Optional[str] = None

    class Config:
        allow_population_by_field_name = True
        allow_mutation = True


class StableDiffusionTxt2ImgProcessingAPI(_ProcessingRequest):
    enable_hr: Optional[bool] = False
    denoising_strength: Optional[float] = 0.75
    firstphase_width: Optional[int] = 0
    firstphase_height: Optional[int] = 0
    hr_scale: Optional[float] = 2.0
    hr_upscaler: Optional[str] = None
    hr_second_pass_steps: Optional[int] = 0
    hr_resize_x: Optional[int] = 0
    hr_resize_y: Optional[int] = 0
    hr_checkpoint_name: Optional[str] = None
    hr_sampler_name: Optional[str] = None
    hr_scheduler: Optional[str] = None
    hr_prompt: Optional[str] = ""
    hr_negative_prompt: Optional[str] = ""


class StableDiffusionImg2ImgProcessingAPI(_ProcessingRequest):
    init_images: Optional[list] = None
    resize_mode: Optional[int] = 0
    denoising_strength: Optional[float] = 0.75
    image_cfg_scale: Optional[float] = None
    mask: Optional[str] = None
    mask_blur_x: Optional[int] = 4
    mask_blur_y: Optional[int] = 4
    mask_blur: Optional[int] = None
    mask_round: Optional[bool] = True
    inpainting_fill: Optional[int] = 0
    inpaint_full_res: Optional[bool] = True
    inpaint_full_res_padding: Optional[int] = 0
    inpainting_mask_invert: Optional[int] = 0
    initial_noise_multiplier: Optional[float] = None
    include_init_images: Optional[bool] = Field(default=False, exclude=True)


class TextToImageResponse(BaseModel):
    images: Optional[List[str]] = Field(default=None, title="Image", description="The generated image in base64 format.")
    parameters: dict
    info: str


class ImageToImageResponse(BaseModel):
    images: Optional[List[str]] = Field(default=None, title="Image", description="The generated image in base64 format.")
    parameters: dict
    info: str


class ProgressRequest(BaseModel):
    skip_current_image: bool = Field(default=False, title="Skip current image", description="Skip current image serialization")


class ProgressResponse(BaseModel):
    progress: float = Field(title="Progress", description="The progress with a range of 0 to 1")
    eta_relative: float = Field(title="ETA in secs")
    state: dict = Field(title="State", description="The current state snapshot")
    current_image: Optional[str] = Field(default=None, title="Current image")
    textinfo: Optional[str] = Field(default=None, title="Info text", description="Info text used by WebUI.")


class SamplerItem(BaseModel):
    name: str = Field(title="Name")
    aliases: List[str] = Field(title="Aliases")
    options: Dict[str, str] = Field(title="Options")


class SchedulerItem(BaseModel):
    name: str = Field(title="Name")
    label: str = Field(title="Label")
    aliases: Optional[List[str]] = Field(title="Aliases")


class SDModelItem(BaseModel):
    title: str
    model_name: str
    hash: Optional[str]
    sha256: Optional[str]
    filename: str
    config: Optional[str]
