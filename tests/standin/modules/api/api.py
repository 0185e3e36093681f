"""The /sdapi/v1 routes and --api-auth (A1111's error middleware lives in middleware.py).

The progress functions are imported by name at module top, exactly as A1111 does: an extension
that wraps them must patch both modules.progress.X and modules.api.api.X, and the imported
`current_task` is a stale copy (always read modules.progress.current_task instead).
"""
import time
from contextlib import closing, nullcontext
from secrets import compare_digest
from typing import Any, Dict, List

from fastapi import Depends, FastAPI, Header
from fastapi.exceptions import HTTPException
from fastapi.security import HTTPBasic, HTTPBasicCredentials

from modules import scripts, sd_models, sd_samplers, shared, standin_admission, standin_flavour, ui
from modules.api import models
from modules.api.middleware import api_middleware
from modules.images import decode_base64_to_image, encode_pil_to_base64  # noqa: F401 (A1111 exports them here)
from modules.processing import StableDiffusionProcessingImg2Img, StableDiffusionProcessingTxt2Img, process_images
from modules.progress import add_task_to_queue, create_task_id, current_task, finish_task, start_task
from modules.shared import opts


def script_name_to_index(name, scripts_list):
    try:
        return [script.title().lower() for script in scripts_list].index(name.lower())
    except Exception as e:
        raise HTTPException(status_code=422, detail=f"Script '{name}' not found") from e


def validate_sampler_name(name):
    if sd_samplers.all_samplers_map.get(name, None) is None:
        raise HTTPException(status_code=400, detail="Sampler not found")
    return name


def sdnext_credentials(cmd_opts):
    """SD.Next modules/api/api.py:17-26: --auth entries and --auth-file lines, each split at the first ':',
    quotes removed and both halves stripped."""
    credentials = {}
    lines = cmd_opts.auth.split(",") if cmd_opts.auth else []
    if cmd_opts.auth_file:
        with open(cmd_opts.auth_file, encoding="utf8") as file:
            lines += file.readlines()
    for line in lines:
        user, password = line.split(":", 1)
        credentials[user.replace('"', '').strip()] = password.replace('"', '').strip()
    return credentials


def _api_key_guard(x_api_key: str = Header(default="")):
    """Stand-in only (--standin-api-guard): API protection of a kind the tracker cannot know."""
    if not compare_digest(x_api_key, shared.cmd_opts.standin_api_guard):
        raise HTTPException(status_code=403, detail="bad X-API-Key")


class Api:
    def __init__(self, app: FastAPI, queue_lock):
        self.credentials = {}
        if standin_flavour.is_sdnext():
            self.credentials = sdnext_credentials(shared.cmd_opts)
        elif shared.cmd_opts.api_auth:
            for auth in shared.cmd_opts.api_auth.split(","):
                user, password = auth.split(":")  # A1111's plain split: a ':' in a password fails here
                self.credentials[user] = password

        self.app = app
        self.queue_lock = queue_lock
        if not standin_flavour.is_forge():  # Forge modules/api/api.py:210 comments this out
            api_middleware(self.app)
        self.add_api_route("/sdapi/v1/txt2img", self.text2imgapi, methods=["POST"], response_model=models.TextToImageResponse)
        self.add_api_route("/sdapi/v1/img2img", self.img2imgapi, methods=["POST"], response_model=models.ImageToImageResponse)
        self.add_api_route("/sdapi/v1/progress", self.progressapi, methods=["GET"], response_model=models.ProgressResponse)
        self.add_api_route("/sdapi/v1/interrupt", self.interruptapi, methods=["POST"])
        self.add_api_route("/sdapi/v1/skip", self.skip, methods=["POST"])
        self.add_api_route("/sdapi/v1/options", self.get_config, methods=["GET"])
        self.add_api_route("/sdapi/v1/options", self.set_config, methods=["POST"])
        self.add_api_route("/sdapi/v1/cmd-flags", self.get_cmd_flags, methods=["GET"])
        self.add_api_route("/sdapi/v1/samplers", self.get_samplers, methods=["GET"], response_model=List[models.SamplerItem])
        self.add_api_route("/sdapi/v1/schedulers", self.get_schedulers, methods=["GET"], response_model=List[models.SchedulerItem])
        self.add_api_route("/sdapi/v1/sd-models", self.get_sd_models, methods=["GET"], response_model=List[models.SDModelItem])

        # Under --nowebui nothing has built the UI yet, so the API does it. A1111 tests for empty
        # runners, which its built-in scripts make mean the same as "not initialized".
        if not scripts.scripts_txt2img.initialized or not scripts.scripts_img2img.initialized:
            ui.create_ui()
        self.default_script_arg_txt2img = self.init_default_script_args(scripts.scripts_txt2img)
        self.default_script_arg_img2img = self.init_default_script_args(scripts.scripts_img2img)

    def add_api_route(self, path: str, endpoint, **kwargs):
        dependencies = [Depends(self.auth)] if self.credentials else []
        if shared.cmd_opts.standin_api_guard:
            dependencies.append(Depends(_api_key_guard))
        if dependencies:
            return self.app.add_api_route(path, endpoint, dependencies=dependencies, **kwargs)
        return self.app.add_api_route(path, endpoint, **kwargs)

    def auth(self, credentials: HTTPBasicCredentials = Depends(HTTPBasic())):
        if credentials.username in self.credentials:
            if compare_digest(credentials.password, self.credentials[credentials.username]):
                return True
        # SD.Next modules/api/api.py:191 says "Unauthorized"; A1111 the text below.
        detail = "Unauthorized" if standin_flavour.is_sdnext() else "Incorrect username or password"
        raise HTTPException(status_code=401, detail=detail, headers={"WWW-Authenticate": "Basic"})

    def _task_id(self, request, task_type):
        if standin_flavour.is_sdnext():
            # SD.Next's request models have no force_task_id (pydantic drops the field), and its API never
            # queues a task id (modules/api/generate.py:87-130): no add_task_to_queue before generating.
            return create_task_id(task_type)
        return request.force_task_id or create_task_id(task_type)

    def _generation_lock(self):
        # Stand-in only: --standin-no-queue-lock lets a benchmark time requests while a long job runs.
        return nullcontext() if shared.cmd_opts.standin_no_queue_lock else self.queue_lock

    def _queue(self, task_id):
        standin_admission.wait_to_be_queued()  # --standin-hold-admission: the request read, its task not yet queued
        if not standin_flavour.is_sdnext():
            add_task_to_queue(task_id)

    def init_default_script_args(self, script_runner):
        last_arg_index = max([1] + [script.args_to for script in script_runner.scripts])
        script_args = [None] * last_arg_index
        script_args[0] = 0
        return script_args

    def get_selectable_script(self, script_name, script_runner):
        if not script_name:
            return None, None
        script_idx = script_name_to_index(script_name, script_runner.selectable_scripts)
        return script_runner.selectable_scripts[script_idx], script_idx

    def get_script(self, script_name, script_runner):
        if not script_name:
            return None
        return script_runner.scripts[script_name_to_index(script_name, script_runner.scripts)]

    def init_script_args(self, request, default_script_args, selectable_script, selectable_idx, script_runner):
        script_args = default_script_args.copy()
        if selectable_script:
            script_args[selectable_script.args_from:selectable_script.args_to] = request.script_args
            script_args[0] = selectable_idx + 1
        for name, value in (request.alwayson_scripts or {}).items():
            alwayson_script = self.get_script(name, script_runner)
            if alwayson_script is None:
                raise HTTPException(status_code=422, detail=f"always on script {name} not found")
            if alwayson_script.alwayson is False:
                raise HTTPException(status_code=422, detail="Cannot have a selectable script in the always on scripts params")
            if "args" in value:
                count = min(alwayson_script.args_to - alwayson_script.args_from, len(value["args"]))
                for idx in range(count):
                    script_args[alwayson_script.args_from + idx] = value["args"][idx]
        return script_args

    def _prepare(self, req, script_runner, default_script_args, extra_update):
        """Everything A1111 does before queueing: scripts, sampler, and the processing kwargs."""
        selectable_script, selectable_idx = self.get_selectable_script(req.script_name, script_runner)
        sampler, scheduler = sd_samplers.get_sampler_and_scheduler(req.sampler_name or req.sampler_index, req.scheduler)
        populate = req.copy(update={
            "sampler_name": validate_sampler_name(sampler),
            "do_not_save_samples": not req.save_images,
            "do_not_save_grid": not req.save_images,
            **extra_update,
        })
        if populate.sampler_name:
            populate.sampler_index = None
        if not populate.scheduler and scheduler != "Automatic":
            populate.scheduler = scheduler

        args = vars(populate)
        for key in ("include_init_images", "script_name", "script_args", "alwayson_scripts", "infotext", "save_images"):
            args.pop(key, None)
        send_images = args.pop("send_images", True)
        script_args = self.init_script_args(req, default_script_args, selectable_script, selectable_idx, script_runner)
        return args, send_images, script_args, selectable_script

    def _generate(self, p, task_id, job, script_runner, script_args, selectable_script):
        # A1111 v1.10.1 modules/api/api.py:475-487 (txt2img; img2img :546-558; read in Forge's copy, api.py:487-500):
        # state.begin() comes before start_task(), both inside the try whose finally ends the state. An exception
        # from start_task (a wrapper refusing a cancelled task) thus skips generation and finish_task, and leaves
        # through closing(p) and `with self.queue_lock` (the lock is released, the next job runs) to the error middleware.
        try:
            shared.state.begin(job=job)
            if not standin_flavour.is_sdnext():  # SD.Next's API marks no task started (generate.py:106-123)
                start_task(task_id)
            if selectable_script is not None:
                p.script_args = script_args
                processed = script_runner.run(p, *p.script_args)
            else:
                p.script_args = tuple(script_args)
                processed = process_images(p)
            if not standin_flavour.is_sdnext():
                finish_task(task_id)  # inside the try: a failed task is never finished, as in A1111
        finally:
            shared.state.end()
            shared.total_tqdm.clear()
        return processed

    def text2imgapi(self, txt2imgreq: models.StableDiffusionTxt2ImgProcessingAPI):
        task_id = self._task_id(txt2imgreq, "txt2img")
        script_runner = scripts.scripts_txt2img
        args, send_images, script_args, selectable_script = self._prepare(
            txt2imgreq, script_runner, self.default_script_arg_txt2img, {})

        self._queue(task_id)  # A1111 v1.10.1 modules/api/api.py:465, before the lock: the task is pending while it waits
        with self._generation_lock():
            with closing(StableDiffusionProcessingTxt2Img(sd_model=shared.sd_model, **args)) as p:
                p.is_api = True
                p.scripts = script_runner
                p.outpath_grids = opts.outdir_txt2img_grids
                p.outpath_samples = opts.outdir_txt2img_samples
                processed = self._generate(p, task_id, "scripts_txt2img", script_runner, script_args, selectable_script)

        b64images = list(map(encode_pil_to_base64, processed.images)) if send_images else []
        return models.TextToImageResponse(images=b64images, parameters=vars(txt2imgreq), info=processed.js())

    def img2imgapi(self, img2imgreq: models.StableDiffusionImg2ImgProcessingAPI):
        task_id = self._task_id(img2imgreq, "img2img")
        init_images = img2imgreq.init_images
        if init_images is None:
            raise HTTPException(status_code=404, detail="Init image not found")
        mask = decode_base64_to_image(img2imgreq.mask) if img2imgreq.mask else img2imgreq.mask

        script_runner = scripts.scripts_img2img
        args, send_images, script_args, selectable_script = self._prepare(
            img2imgreq, script_runner, self.default_script_arg_img2img, {"mask": mask})

        self._queue(task_id)
        with self._generation_lock():
            with closing(StableDiffusionProcessingImg2Img(sd_model=shared.sd_model, **args)) as p:
                # Decoded after queueing, as in A1111: a bad image leaves the task id in pending_tasks.
                p.init_images = [decode_base64_to_image(x) for x in init_images]
                p.is_api = True
                p.scripts = script_runner
                p.outpath_grids = opts.outdir_img2img_grids
                p.outpath_samples = opts.outdir_img2img_samples
                processed = self._generate(p, task_id, "scripts_img2img", script_runner, script_args, selectable_script)

        b64images = list(map(encode_pil_to_base64, processed.images)) if send_images else []
        if not img2imgreq.include_init_images:
            img2imgreq.init_images = None
            img2imgreq.mask = None
        return models.ImageToImageResponse(images=b64images, parameters=vars(img2imgreq), info=processed.js())

    def progressapi(self, req: models.ProgressRequest = Depends()):
        state = shared.state
        if state.job_count == 0:
            return models.ProgressResponse(progress=0, eta_relative=0, state=state.dict(), textinfo=state.textinfo)

        progress = 0.01  # avoids dividing by zero below
        if state.job_count > 0:
            progress += state.job_no / state.job_count
        if state.sampling_steps > 0:
            progress += 1 / state.job_count * state.sampling_step / state.sampling_steps

        time_since_start = time.time() - state.time_start
        eta = time_since_start / progress
        eta_relative = eta - time_since_start
        progress = min(progress, 1)

        state.set_current_image()
        current_image = None
        if state.current_image and not req.skip_current_image:
            current_image = encode_pil_to_base64(state.current_image)

        return models.ProgressResponse(progress=progress, eta_relative=eta_relative, state=state.dict(),
                                       current_image=current_image, textinfo=state.textinfo, current_task=current_task)

    def interruptapi(self):
        shared.state.interrupt()  # only a flag: it hits whatever job runs now (shared_state.py interrupt())
        return {}

    def skip(self):
        shared.state.skip()

    def get_config(self):
        return {key: shared.opts.data.get(key, shared.opts.get_default(key)) for key in shared.opts.data.keys()}

    def set_config(self, req: Dict[str, Any]):
        checkpoint_name = req.get("sd_model_checkpoint", None)
        if checkpoint_name is not None and checkpoint_name not in sd_models.checkpoint_aliases:
            raise RuntimeError(f"model {checkpoint_name!r} not found")
        for k, v in req.items():
            shared.opts.set(k, v, is_api=True)
        shared.opts.save(None)

    def get_cmd_flags(self):
        return vars(shared.cmd_opts)

    def get_samplers(self):
        return [{"name": s.name, "aliases": s.aliases, "options": s.options} for s in sd_samplers.all_samplers]

    def get_schedulers(self):
        return [{"name": s.name, "label": s.label, "aliases": s.aliases} for s in sd_samplers.schedulers]

    def get_sd_models(self):
        info = sd_models.checkpoint_info
        return [{"title": info.title, "model_name": info.model_name, "hash": info.hash, "sha256": info.sha256,
                 "filename": info.filename, "config": None}]
