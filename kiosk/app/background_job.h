#pragma once
// Work that takes seconds (an export to a slow USB stick, copying videos in) runs on its own thread
// so the admin screen keeps drawing its progress bar. The job's function reports progress through
// the callback it is given and returns a line for the admin, or throws (the error's text is shown).
//
// Threading: every member function and the destructor are for the UI thread (the figures it reads
// are atomics or under the mutex); the job's function and its progress callback run on the worker. The destructor waits for the worker: a job is never
// abandoned half-way (its own code leaves no half-written file).
#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

class BackgroundJob {
 public:
  using Progress = std::function<void(double fraction, const std::string& step)>;
  using Work = std::function<std::string(const Progress&)>;

  ~BackgroundJob() {
    if (worker_.joinable()) worker_.join();
  }
  // Starts `work` unless a job is already running; returns false then.
  bool start(Work work);
  bool running() const { return running_; }
  double fraction() const { return fraction_; }
  std::string step() const;
  // After it ends: the job's message, and whether it failed. Cleared by the next start().
  bool finished() const { return finished_ && !running_; }
  bool failed() const { return failed_; }
  std::string message() const;

 private:
  std::thread worker_;
  std::atomic<bool> running_{false}, finished_{false}, failed_{false};
  std::atomic<double> fraction_{0};
  mutable std::mutex mutex_;
  std::string step_, message_;
};
