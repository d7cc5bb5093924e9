"""With MEDIA_S3_BUCKET set, pictures and renditions live in S3-compatible object storage."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import boto3
import pytest
from moto import mock_aws
from PIL import Image

from images.library import add_image
from images.renditions import make_renditions, rendition_names, renditions

from .pictures import photo

ROOT = Path(__file__).resolve().parents[2]
BUCKET = "newsroom-media"


def test_the_bucket_settings_come_from_the_environment():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env |= {
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "MEDIA_S3_BUCKET": BUCKET,
        "MEDIA_S3_ENDPOINT_URL": "https://s3.eu-central-1.example.net",
        "MEDIA_S3_REGION": "eu-central-1",
        "MEDIA_S3_CUSTOM_DOMAIN": "media.news.example.com",
    }
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.STORAGES['default']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": BUCKET,
            "endpoint_url": "https://s3.eu-central-1.example.net",
            "region_name": "eu-central-1",
            "custom_domain": "media.news.example.com",
            "location": "",
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }


@pytest.fixture
def s3(settings, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    with mock_aws():
        client = boto3.client("s3", region_name="us-east-1")
        client.create_bucket(Bucket=BUCKET)
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {
                    "bucket_name": BUCKET,
                    "region_name": "us-east-1",
                    "custom_domain": "media.news.example.com",
                    "querystring_auth": False,
                    "file_overwrite": False,
                    "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
                },
            },
        }
        yield client


@pytest.mark.django_db
def test_pictures_and_renditions_are_stored_in_the_bucket_and_served_from_it(s3):
    image = add_image(content=photo(640, 480), name="harbour.jpg", alt_text="Boats").image
    result = make_renditions(image)
    keys = {item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert keys == {image.file.name, *rendition_names(image).values()}
    assert result.made == len(keys) - 1
    rendition = renditions(image)[-1]
    assert rendition.url.startswith("https://media.news.example.com/__processed__/")
    stored = s3.get_object(Bucket=BUCKET, Key=rendition.url.removeprefix("https://media.news.example.com/"))
    assert stored["CacheControl"] == "public, max-age=31536000, immutable"
    assert Image.open(io.BytesIO(stored["Body"].read())).width == rendition.width
    # Asking again finds them all in the bucket and writes nothing.
    image.renditions_fingerprint = ""
    again = make_renditions(image)
    assert (again.made, again.existing) == (0, len(keys) - 1)
    assert make_renditions(image).skipped is True
