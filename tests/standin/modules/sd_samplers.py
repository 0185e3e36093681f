"""Sampler and scheduler names, resolved the way A1111 1.10.1 resolves them.

An unknown sampler name does not fail: get_sampler_and_scheduler() falls back to the first
sampler, so the API's validate_sampler_name() check only ever sees known names.
"""
from collections import namedtuple

SamplerData = namedtuple("SamplerData", ["name", "constructor", "aliases", "options"])
Scheduler = namedtuple("Scheduler", ["name", "label", "aliases"])

all_samplers = [
    SamplerData("DPM++ 2M", None, ["k_dpmpp_2m"], {"scheduler": "karras"}),
    SamplerData("DPM++ SDE", None, ["k_dpmpp_sde"], {"scheduler": "karras", "second_order": True, "brownian_noise": True}),
    SamplerData("Euler a", None, ["k_euler_a", "k_euler_ancestral"], {"uses_ensd": True}),
    SamplerData("Euler", None, ["k_euler"], {}),
    SamplerData("DDIM", None, ["ddim"], {}),
    SamplerData("UniPC", None, ["unipc"], {}),
]
all_samplers_map = {x.name: x for x in all_samplers}
samplers = all_samplers

schedulers = [
    Scheduler("automatic", "Automatic", None),
    Scheduler("uniform", "Uniform", None),
    Scheduler("karras", "Karras", None),
    Scheduler("exponential", "Exponential", None),
    Scheduler("polyexponential", "Polyexponential", None),
    Scheduler("sgm_uniform", "SGM Uniform", ["SGMUniform"]),
]
schedulers_map = {**{x.name: x for x in schedulers}, **{x.label: x for x in schedulers}}


def get_sampler_and_scheduler(sampler_name, scheduler_name, *, convert_automatic=True):
    """(sampler name, scheduler label); "Euler Karras" splits into both, unknown names become the defaults."""
    default_sampler = samplers[0]
    found_scheduler = schedulers_map.get(scheduler_name, schedulers[0])
    name = sampler_name or default_sampler.name

    for scheduler in schedulers:
        for option in [scheduler.label, scheduler.name, *(scheduler.aliases or [])]:
            if name.endswith(" " + option):
                found_scheduler = scheduler
                name = name[0:-(len(option) + 1)]
                break

    sampler = all_samplers_map.get(name, default_sampler)
    if convert_automatic and sampler.options.get("scheduler", None) == found_scheduler.name:
        found_scheduler = schedulers[0]

    return sampler.name, found_scheduler.label
