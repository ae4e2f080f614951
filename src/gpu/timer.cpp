#include "gpu/timer.hpp"

#include "gpu/gl.hpp"

namespace primordial::gpu {

GpuTimer::GpuTimer() {
    if ((GLAD_GL_VERSION_3_3 || GLAD_GL_ARB_timer_query) && glGenQueries) query_ = Query::create();
}

void GpuTimer::begin() {
    if (!query_ || pending_) return;  // one measurement at a time
    glBeginQuery(GL_TIME_ELAPSED, query_.get());
}

void GpuTimer::end() {
    if (!query_ || pending_) return;
    glEndQuery(GL_TIME_ELAPSED);
    pending_ = true;
}

std::optional<double> GpuTimer::ms(bool wait) {
    if (!pending_) return last_;
    GLint ready = 0;
    if (!wait) {
        glGetQueryObjectiv(query_.get(), GL_QUERY_RESULT_AVAILABLE, &ready);
        if (!ready) return std::nullopt;
    }
    GLuint64 ns = 0;
    glGetQueryObjectui64v(query_.get(), GL_QUERY_RESULT, &ns);
    pending_ = false;
    last_ = static_cast<double>(ns) * 1e-6;
    return last_;
}

}  // namespace primordial::gpu
