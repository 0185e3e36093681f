"""gr.Gallery: a list of images, each a file path, a PIL image or an (image, caption) pair.

On the wire each item is {"path", "url", "caption"}: a returned file must exist (Gradio copies it
into its cache and fails otherwise); a PIL image is written to a file first (media.pil_to_temp_file).
"""
from .. import media, portability
from .base import Component


class Gallery(Component):
    GRADIO3_AND_4_KWARGS = frozenset([
        "value", "label", "every", "show_label", "container", "scale", "min_width", "visible", "elem_id",
        "elem_classes", "render", "columns", "rows", "height", "preview", "object_fit", "allow_preview",
        "show_share_button", "show_download_button",
    ])
    GRADIO3_AND_4_UPDATE_KWARGS = frozenset([
        "value", "label", "show_label", "container", "scale", "min_width", "visible", "columns", "rows",
        "height", "preview", "object_fit", "allow_preview", "show_share_button", "show_download_button",
    ])
    GRADIO3_AND_4_EVENTS = ("select",)
    ONE_VERSION_EVENTS = {"change": "Gradio 4.x only (Gallery.change came in 3.47)", "upload": "Gradio 4.x only"}

    # The browser's selection (gradio 3.41.2 js/gallery/static/Gallery.svelte:37-73,124-134; 4.40.0
    # js/gallery/shared/Gallery.svelte:43-78,117-126): `select` is dispatched only when the selected
    # index changes; a new value keeps the index while it is in range; an empty value forgets it.
    selected_index = None

    def front_end_selects(self, index) -> bool:
        """Whether a click on item `index` makes the browser dispatch `select` (and remember it)."""
        if index == self.selected_index:
            return False
        self.selected_index = index
        return True

    def apply_update(self, properties: dict):
        super().apply_update(properties)
        if "value" in properties:
            items = self.value or []
            if not items or (self.selected_index is not None and self.selected_index >= len(items)):
                self.selected_index = None

    def postprocess(self, value):
        if value is None:
            return []
        items = []
        for item in value:
            caption = None
            if isinstance(item, (tuple, list)):
                if len(item) != 2:
                    raise ValueError(f"{self!r}: an item with a caption is an (image, caption) pair, got {item!r:.200}")
                item, caption = item
            items.append({**media.image_to_wire(self, item), "caption": caption})
        return items

    def warn_if_input_differs(self):
        portability.warn(self, "version_difference", "a Gallery as an event input reaches the handler as the "
                                                     "wire list in Gradio 3.41 but as (path, caption) tuples "
                                                     "in 4.x", name="inputs")
