"""Packages ``resources/`` (fonts, wording, default profile, samples) into the wheel.

``pyproject.toml`` holds the project's metadata. ``resources/`` sits beside
the packages in the checkout (where ``print_engine.resources`` finds it), so
a non-editable install copies it into ``print_engine/_resources`` of the
wheel, where ``print_engine.resources.resources_dir`` looks first.
"""

from pathlib import Path
import shutil

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildPyWithResources(build_py):
    def run(self):
        super().run()
        if self.editable_mode:  # an editable install reads resources/ in place
            return
        target = Path(self.build_lib) / "print_engine" / "_resources"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(HERE / "resources", target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildPyWithResources})
