"""The Share page's parts: the composer's choices, the entries checklist, the preview, writing."""
