"""Running recorded event handlers as Gradio's server does for its front end."""
