#pragma once

#include <QIcon>

// Drawn rather than taken from the style or an icon theme: the same on every platform, and
// legible on light and dark palettes (the style's media icons are dark glyphs).
namespace Icons {

QIcon run();
QIcon stop();
// Two lanes of different length: runs side by side.
QIcon compare();
// A falling curve with a dot per limit: the limit sweep.
QIcon sweep();
// The replay's transport: play, pause, to the start, to the end.
QIcon play();
QIcon pause();
QIcon toStart();
QIcon toEnd();

} // namespace Icons
