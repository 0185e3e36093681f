"""The built-in settings the stand-in knows, with A1111's defaults."""
from modules.options import OptionInfo

options_templates = {
    "samples_format": OptionInfo("png", "File format for images"),
    "jpeg_quality": OptionInfo(80, "Quality for saved jpeg and avif images"),
    "webp_lossless": OptionInfo(False, "Use lossless compression for webp images"),
    "enable_pnginfo": OptionInfo(True, "Write infotext to metadata of the generated image"),
    "save_images_add_number": OptionInfo(True, "Add number to filename when saving"),
    "outdir_samples": OptionInfo("", "Output directory for images"),
    "outdir_txt2img_samples": OptionInfo("outputs/txt2img-images", "Output directory for txt2img images"),
    "outdir_img2img_samples": OptionInfo("outputs/img2img-images", "Output directory for img2img images"),
    "outdir_txt2img_grids": OptionInfo("outputs/txt2img-grids", "Output directory for txt2img grids"),
    "outdir_img2img_grids": OptionInfo("outputs/img2img-grids", "Output directory for img2img grids"),
    "live_previews_enable": OptionInfo(True, "Show live previews of the created image"),
    "live_previews_image_format": OptionInfo("png", "Live preview file format"),
    "show_progress_every_n_steps": OptionInfo(10, "Live preview display period"),
    "sd_model_checkpoint": OptionInfo("standin.safetensors [0000000000]", "Stable Diffusion checkpoint"),
    "CLIP_stop_at_last_layers": OptionInfo(1, "Clip skip"),
    "return_grid": OptionInfo(True, "Show grid in gallery"),
    # A1111 v1.10.1 shared_options.py:70-71: no temp folder of its own, and no clean-up by default.
    "temp_dir": OptionInfo("", "Directory for temporary images; leave empty for default"),
    "clean_temp_dir_at_start": OptionInfo(False, "Cleanup non-default temporary directory when starting webui"),
    "api_enable_requests": OptionInfo(True, "Allow http:// and https:// URLs for input images in API"),
}
