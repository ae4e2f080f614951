// The OpenGL API as the generated glad loader declares it. Only src/gpu includes this.
#pragma once

#include <glad/gl.h>
