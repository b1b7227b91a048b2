#pragma once
// `kiosk relay-notify -- COMMAND...`: runs COMMAND (xinit, which runs the kiosk) as the child of
// the service's main process and passes the kiosk's READY=1, WATCHDOG=1 and STATUS= messages on
// to systemd as its own. systemd takes notifications only from the processes of the service, and
// PAMName= moves them all into the logind session's scope, where only the main PID is still known
// to belong to the service: so the main PID must speak for the kiosk.
//
// The child gets NOTIFY_SOCKET pointing at the relay's own socket (an abstract unix socket named
// after the relay's PID; only messages from the relay's own program, the kiosk, run by the same
// user are passed on: Xorg says READY=1 there too, as soon as it listens), and the
// watchdog's WATCHDOG_USEC without WATCHDOG_PID (any process of the child may feed it). SIGTERM,
// SIGINT and SIGHUP are passed to the child. Returns the child's exit code (128 + signal when it
// was killed), or 1 if it could not start. Without NOTIFY_SOCKET it simply runs COMMAND.
#include <string>
#include <vector>

int run_notify_relay(const std::vector<std::string>& command);
