// The round trip of a softphone hook: exec "call-companion call hold|resume ..." until it exits, while a
// companion is running (run-hooks.sh starts one). Softphones such as MicroSIP wait for their hook
// programs, so this is time the softphone waits. Prints p50/p99/max.
//
//   hook_bench --app PATH --data-dir DIR [--runs N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

int main(int argc, char** argv) {
    std::string app, dir;
    int runs = 100;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i];
        if (k == "--app")
            app = argv[i + 1];
        else if (k == "--data-dir")
            dir = argv[i + 1];
        else if (k == "--runs")
            runs = std::max(1, std::atoi(argv[i + 1]));
    }
    if (app.empty() || dir.empty()) {
        std::fprintf(stderr, "usage: hook_bench --app PATH --data-dir DIR [--runs N]\n");
        return 2;
    }
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const char* event = i % 2 == 0 ? "hold" : "resume";
        const auto t0 = std::chrono::steady_clock::now();
        const pid_t pid = fork();
        if (pid == 0) {
            execl(app.c_str(), app.c_str(), "call", event, "--data-dir", dir.c_str(),
                  static_cast<char*>(nullptr));
            _exit(127);
        }
        int status = 0;
        waitpid(pid, &status, 0);
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            std::fprintf(stderr, "the hook failed (status %d)\n", status);
            return 1;
        }
    }
    std::sort(ms.begin(), ms.end());
    auto at = [&ms](double p) {
        return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * ms.size()))];
    };
    std::printf(
        "Softphone hook round trip (exec to exit, companion running), %d runs: p50 %.1f ms, p99 %.1f ms, "
        "max %.1f ms (limit: 200 ms)\n",
        runs, at(0.5), at(0.99), ms.back());
    return 0;
}
