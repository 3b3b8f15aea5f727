"""A hypothesis state machine that drives the app through Pilot.

Textual keeps an app's state in the task that runs it, while hypothesis calls a
machine's rules one by one from plain code: one task holds the app from start to end,
and each step hands it a coroutine to run and waits for the answer."""

from __future__ import annotations

import asyncio

from hypothesis.stateful import RuleBasedStateMachine


class PilotMachine(RuleBasedStateMachine):
    SIZE = (120, 36)

    def __init__(self, app):
        super().__init__()
        self.app = app
        self.loop = asyncio.new_event_loop()
        self.orders: asyncio.Queue = asyncio.Queue()
        self.holder = self.loop.create_task(self._hold())
        self.pilot = self._give(self._pilot_of)

    async def _hold(self) -> None:
        async with self.app.run_test(size=self.SIZE) as pilot:
            while True:
                order, done = await self.orders.get()
                if order is None:
                    done.set_result(None)
                    return
                try:
                    done.set_result(await order(pilot))
                except BaseException as error:  # handed to the step that gave the order
                    done.set_exception(error)

    def _give(self, order):
        done = self.loop.create_future()
        self.orders.put_nowait((order, done))
        return self.loop.run_until_complete(done)

    async def _pilot_of(self, pilot):
        return pilot

    def run(self, coroutine):
        """Run ``coroutine`` inside the task that holds the app."""

        async def order(_pilot):
            return await coroutine

        return self._give(order)

    def press(self, *keys: str) -> None:
        self.run(self.pilot.press(*keys))
        self.run(self.pilot.pause())

    def close_app(self) -> None:
        try:
            self._give(None)
            self.loop.run_until_complete(self.holder)
        finally:
            self.loop.close()
