"""The engine pauses the cyclic collector only from the main thread, and pauses nest."""

import gc
import threading

from print_engine import collector


def test_pauses_nest_and_restore_the_collector():
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner end does not switch it back on
    assert gc.isenabled()


def test_a_worker_thread_never_switches_the_process_collector():
    seen = []

    def work():
        with collector.paused():
            seen.append(gc.isenabled())
        collector.resume()  # an unpaired resume off the main thread changes nothing either
        seen.append(gc.isenabled())

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert seen == [True, True]
    assert gc.isenabled()


def test_an_explicit_pause_from_the_main_thread_holds_until_resumed():
    assert collector.pause()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        collector.resume()
    assert gc.isenabled()
