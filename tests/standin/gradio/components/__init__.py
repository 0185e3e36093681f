"""The components the stand-in's `gradio` offers (Gradio keeps them in gradio.components too)."""
from .base import Component
from .button import Button
from .checkbox import Checkbox
from .dataframe import Dataframe, DataFrame
from .dropdown import Dropdown
from .file import File
from .gallery import Gallery
from .html import HTML
from .image import Image
from .json_component import JSON
from .label import Label
from .markdown import Markdown
from .number import Number
from .radio import Radio
from .slider import Slider
from .state import State
from .textbox import Textbox

__all__ = [
    "Component", "Button", "Checkbox", "Dataframe", "DataFrame", "Dropdown", "File", "Gallery", "HTML", "Image",
    "JSON", "Label", "Markdown", "Number", "Radio", "Slider", "State", "Textbox",
]
