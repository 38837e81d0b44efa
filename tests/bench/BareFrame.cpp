// The baseline for the start-up benchmark: a bare wx frame with a label and, in "call" mode, a 1 Hz
// timer that updates it, as the companion's timer does. It speaks the same CALL_COMPANION_BENCH
// protocol as the app.
#include <cstdio>
#include <ctime>
#include <wx/wx.h>

class BareApp : public wxApp {
public:
    bool OnInit() override {
        auto* frame = new wxFrame(nullptr, wxID_ANY, "Hello", wxDefaultPosition, wxSize(360, 640));
        auto* label = new wxStaticText(frame, wxID_ANY, "0:00");
        frame->Show();
        wxString mode;
        wxGetEnv("CALL_COMPANION_BENCH", &mode);
        CallAfter([frame, label, mode, this] {
            if (mode == "shown") {
                timespec ts{};
                clock_gettime(CLOCK_MONOTONIC, &ts);
                std::printf("shown %lld\n", static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec);
                std::fflush(stdout);
                frame->Close();
            } else if (mode == "call") {
                timer_.Bind(wxEVT_TIMER, [label, n = 0](wxTimerEvent&) mutable {
                    ++n;
                    label->SetLabel(wxString::Format("%d:%02d", n / 60, n % 60));
                });
                timer_.Start(1000);
            }
        });
        return true;
    }

private:
    wxTimer timer_;
};

wxIMPLEMENT_APP(BareApp);
