"""The image library: pictures with alt text, caption, credit and focal point, served as renditions.

Public surface, for the apps that show pictures (nothing else here is meant to be imported):

* ``images.models.Image``: the record; point at it with a ``ForeignKey``.
* ``images.library.add_image(path=… | content=…, name=…, alt_text=…, …)``: add or find a picture.
* ``images.uploads.InvalidImage``: why an upload was refused, in words for an editor.
* ``images.renditions.make_renditions(image)``: make the missing renditions (for a task queue).
* ``images.pictures.picture_html(image, sizes=…, crop=…, lead=…)`` and the template tags
  ``{% load images %}{% picture image … %}`` / ``{% figure image … %}``.
* ``images.serialize.image_data(image, request=…)``: the JSON API's image object;
  ``share_crops(image, request=…)`` and ``structured_data_urls(image, request=…)``.
* ``images.usage``: say where pictures are used, so one on a live page is not deleted.
* ``images.widgets.ImageChooserWidget`` and ``images.admin.ImageChooserMixin``: pick a picture
  (with thumbnails) or upload one from another model's admin form.
* ``images.samples.load_sample_images()``: the demo's pictures.
"""
