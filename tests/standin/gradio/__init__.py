"""A recording stand-in for `gradio`: the public API Gradio 3.41 (A1111) and Gradio 4.x (Forge) share.

Importable as `gradio` inside the stand-in WebUI. Nothing is drawn: Blocks, layouts and components
record what an extension builds, and modules/standin_ui_api.py runs their event handlers over
HTTP the way Gradio's front end would. Whatever only one of the two versions accepts still works
here but leaves a portability warning (see portability.py); what neither accepts fails.
"""
from .block import DuplicateBlockError
from .blocks import Blocks
from .components import (HTML, JSON, Button, Checkbox, Component, Dataframe, DataFrame, Dropdown, File, Gallery,
                         Image, Label, Markdown, Number, Radio, Slider, State, Textbox)
from .event_data import EventData, SelectData
from .exceptions import Error
from .layouts import Accordion, Column, Group, Row, Tab, TabItem, Tabs
from .notices import Info, Warning  # noqa: A004 (Gradio's public name)
from .progress import Progress
from .updates import update

__version__ = "standin"

__all__ = [
    "Accordion", "Blocks", "Button", "Checkbox", "Column", "Component", "Dataframe", "DataFrame", "Dropdown",
    "DuplicateBlockError", "Error", "EventData", "File", "Gallery", "Group", "HTML", "Image", "Info", "JSON",
    "Label", "Markdown", "Number", "Progress", "Radio", "Row", "SelectData", "Slider", "State", "Tab", "TabItem",
    "Tabs", "Textbox", "Warning", "update",
]
