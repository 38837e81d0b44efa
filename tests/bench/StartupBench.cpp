// Measures a GUI program the way the foundation issue asks: time from exec to the first frame shown,
// peak RSS, and CPU while a call's timer ticks. Runs the app and the bare wx frame the same way and
// prints them side by side. Needs a display (run-startup.sh starts Xvfb -noreset).
//
//   startup_bench --app PATH --bare PATH [--runs N] [--idle-seconds S]
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <signal.h>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <time.h>
#include <unistd.h>
#include <vector>

namespace {

long long monotonicNs() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

struct Child {
    pid_t pid = -1;
    int out = -1;
};

Child spawn(const std::vector<std::string>& argv, const char* mode) {
    int fds[2];
    if (pipe(fds) != 0) std::exit(1);
    Child c;
    c.pid = fork();
    if (c.pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        setenv("CALL_COMPANION_BENCH", mode, 1);
        std::vector<char*> args;
        for (const auto& a : argv)
            args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    close(fds[1]);
    c.out = fds[0];
    return c;
}

struct StartRun {
    double shownMs = 0;
    double maxRssMb = 0;
};

StartRun startOnce(const std::vector<std::string>& argv) {
    const long long t0 = monotonicNs();
    Child c = spawn(argv, "shown");
    std::string text;
    char buf[256];
    ssize_t n;
    while ((n = read(c.out, buf, sizeof buf)) > 0)
        text.append(buf, static_cast<std::size_t>(n));
    close(c.out);
    int status = 0;
    rusage ru{};
    wait4(c.pid, &status, 0, &ru);
    StartRun r;
    const auto at = text.find("shown ");
    if (at == std::string::npos) {
        std::fprintf(stderr, "%s did not report being shown (status %d)\n", argv[0].c_str(), status);
        std::exit(1);
    }
    r.shownMs = static_cast<double>(std::atoll(text.c_str() + at + 6) - t0) / 1e6;
    r.maxRssMb = static_cast<double>(ru.ru_maxrss) / 1024.0;
    return r;
}

double cpuSeconds(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    std::getline(stat, line);
    std::istringstream fields(line.substr(line.rfind(')') + 2));
    std::string f;
    long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && fields >> f; ++i) {
        if (i == 14) utime = std::atol(f.c_str());
        if (i == 15) stime = std::atol(f.c_str());
    }
    return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double rssMb(pid_t pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
    return 0;
}

struct IdleRun {
    double cpuPercent = 0;
    double rssMb = 0;
};

IdleRun idleOnce(const std::vector<std::string>& argv, int seconds) {
    Child c = spawn(argv, "call");
    std::this_thread::sleep_for(std::chrono::seconds(2)); // start-up is not idle
    const double cpu0 = cpuSeconds(c.pid);
    const long long t0 = monotonicNs();
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    const double cpu1 = cpuSeconds(c.pid);
    const double wall = static_cast<double>(monotonicNs() - t0) / 1e9;
    IdleRun r{100.0 * (cpu1 - cpu0) / wall, rssMb(c.pid)};
    kill(c.pid, SIGTERM);
    int status = 0;
    waitpid(c.pid, &status, 0);
    close(c.out);
    return r;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    std::string app, bare, dataDir;
    int runs = 15, idleSeconds = 10;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i];
        if (k == "--app")
            app = argv[i + 1];
        else if (k == "--bare")
            bare = argv[i + 1];
        else if (k == "--data-dir")
            dataDir = argv[i + 1];
        else if (k == "--runs")
            runs = std::atoi(argv[i + 1]);
        else if (k == "--idle-seconds")
            idleSeconds = std::atoi(argv[i + 1]);
    }
    if (app.empty() || bare.empty() || dataDir.empty() || runs < 1) {
        std::fprintf(
            stderr,
            "usage: startup_bench --app PATH --bare PATH --data-dir DIR [--runs N] [--idle-seconds S]\n");
        return 2;
    }
    const std::vector<std::string> appArgv{app, "--data-dir", dataDir};
    const std::vector<std::string> bareArgv{bare};

    // One warm-up each: the first start reads the libraries from disk.
    startOnce(appArgv);
    startOnce(bareArgv);
    std::vector<double> appShown, appRss, bareShown, bareRss;
    for (int i = 0; i < runs; ++i) {
        // Alternate, so drift in the machine's load falls on both alike.
        const StartRun b = startOnce(bareArgv);
        const StartRun a = startOnce(appArgv);
        bareShown.push_back(b.shownMs);
        bareRss.push_back(b.maxRssMb);
        appShown.push_back(a.shownMs);
        appRss.push_back(a.maxRssMb);
    }
    const IdleRun bareIdle = idleOnce(bareArgv, idleSeconds);
    const IdleRun appIdle = idleOnce(appArgv, idleSeconds);

    std::printf("Start-up, median of %d warm runs each (exec to first frame shown)\n", runs);
    std::printf("%-34s %12s %12s %8s\n", "", "bare wx", "companion", "ratio");
    auto row = [](const char* what, double bare, double app, const char* unit) {
        std::printf("%-34s %9.1f %-2s %9.1f %-2s %7.2fx\n", what, bare, unit, app, unit,
                    bare > 0 ? app / bare : 0);
    };
    row("exec to first frame shown", median(bareShown), median(appShown), "ms");
    row("peak RSS", median(bareRss), median(appRss), "MB");
    std::printf("\nDuring a call, %d s after a 2 s settle (1 Hz timer ticking)\n", idleSeconds);
    row("CPU", bareIdle.cpuPercent, appIdle.cpuPercent, "%");
    row("RSS", bareIdle.rssMb, appIdle.rssMb, "MB");
    return 0;
}
