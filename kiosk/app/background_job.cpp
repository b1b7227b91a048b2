#include "app/background_job.h"

bool BackgroundJob::start(Work work) {
  if (running_) return false;
  if (worker_.joinable()) worker_.join();
  running_ = true;
  finished_ = failed_ = false;
  fraction_ = 0;
  {
    std::lock_guard lock(mutex_);
    step_.clear();
    message_.clear();
  }
  worker_ = std::thread([this, work = std::move(work)] {
    std::string message;
    bool failed = false;
    try {
      message = work([this](double f, const std::string& step) {
        fraction_ = f;
        std::lock_guard lock(mutex_);
        step_ = step;
      });
    } catch (const std::exception& e) {
      message = e.what();
      failed = true;
    }
    {
      std::lock_guard lock(mutex_);
      message_ = message;
    }
    failed_ = failed;
    finished_ = true;
    running_ = false;
  });
  return true;
}

std::string BackgroundJob::step() const {
  std::lock_guard lock(mutex_);
  return step_;
}

std::string BackgroundJob::message() const {
  std::lock_guard lock(mutex_);
  return message_;
}
