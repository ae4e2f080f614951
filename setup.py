"""The Python package `primordial` (docs/PYTHON.md), built offline:

    pip install --no-build-isolation --no-index .

CMake compiles the module alone (PRIMORDIAL_APP=OFF: no GLFW, EGL, cairo or ImGui needed) against
Debian's pybind11; the version is CMakeLists.txt's project(VERSION).
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = pathlib.Path(__file__).resolve().parent


def version():
    text = (ROOT / "CMakeLists.txt").read_text()
    return re.search(r"project\(primordial VERSION ([0-9.]+)", text).group(1)


class CMakeExtension(Extension):
    def __init__(self, name):
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build = pathlib.Path(self.build_temp).resolve() / "cmake"
        configure = ["cmake", "-S", str(ROOT), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release",
                     "-DPRIMORDIAL_APP=OFF", "-DPRIMORDIAL_TESTS=OFF", "-DPRIMORDIAL_PYTHON=ON",
                     # The window's packages are not needed: make sure none is looked for.
                     "-DCMAKE_DISABLE_FIND_PACKAGE_glfw3=ON", "-DCMAKE_DISABLE_FIND_PACKAGE_OpenGL=ON",
                     "-DCMAKE_DISABLE_FIND_PACKAGE_PkgConfig=ON",
                     f"-DPython3_EXECUTABLE={sys.executable}"]
        subprocess.run(configure, check=True)
        subprocess.run(["cmake", "--build", str(build), "--target", "primordial_python",
                        "-j", str(os.cpu_count() or 1)], check=True)
        built = next((build / "python" / "primordial").glob("_primordial*.so"))
        target = pathlib.Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(built, target)


setup(
    name="primordial",
    version=version(),
    description="Explore random, untrained neural networks as pictures",
    long_description=(ROOT / "docs" / "PYTHON.md").read_text(),
    long_description_content_type="text/markdown",
    license="MIT",
    python_requires=">=3.9",
    install_requires=["numpy"],
    packages=["primordial"],
    package_dir={"": "src/python"},
    ext_modules=[CMakeExtension("primordial._primordial")],
    cmdclass={"build_ext": CMakeBuild},
    zip_safe=False,
)
