# cmake -DBUILD_DIR=... -DPREFIX=... -DVERSION=... -DSOURCE_DIR=... -P install_check.cmake
#
# Desktop integration as a user or a packager gets it: `cmake --install` into a fresh prefix puts
# both binaries, the .desktop entry, the scalable icon, the AppStream metadata, the manual pages
# and the bash completion in the usual places; the entry names the installed binary and icon and
# matches the app's desktop file name; both binaries report the one project version;
# desktop-file-validate accepts the installed entry (the test is reported as skipped when
# desktop-file-validate is not installed, after every other check passed).

foreach(var BUILD_DIR PREFIX VERSION SOURCE_DIR)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "install_check.cmake needs -D${var}=...")
    endif()
endforeach()

file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install failed (${rc}):\n${out}\n${err}")
endif()

set(desktop_id org.tasklanes.TaskLanes)
set(entry "${PREFIX}/share/applications/${desktop_id}.desktop")
set(icon "${PREFIX}/share/icons/hicolor/scalable/apps/${desktop_id}.svg")
set(completions "${PREFIX}/share/bash-completion/completions")
foreach(file "${PREFIX}/bin/tasklanes" "${PREFIX}/bin/tasklanes-cli" "${entry}" "${icon}"
             "${PREFIX}/share/metainfo/${desktop_id}.metainfo.xml"
             "${completions}/tasklanes" "${completions}/tasklanes-cli")
    if(NOT EXISTS "${file}")
        message(FATAL_ERROR "not installed: ${file}\n${out}")
    endif()
endforeach()

# The manual pages, gzipped where gzip is found (always on Debian), plain otherwise.
foreach(page tasklanes.1 tasklanes-cli.1)
    if(NOT EXISTS "${PREFIX}/share/man/man1/${page}.gz" AND NOT EXISTS "${PREFIX}/share/man/man1/${page}")
        message(FATAL_ERROR "not installed: ${PREFIX}/share/man/man1/${page}.gz\n${out}")
    endif()
endforeach()

# The entry starts the installed binary with a file and shows the installed icon; the app sets the
# same desktop file name, so window managers match its windows to the entry.
file(READ "${entry}" entry_text)
foreach(line "Exec=tasklanes %f" "Icon=${desktop_id}" "Type=Application")
    string(FIND "${entry_text}" "${line}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "${entry} lacks \"${line}\"")
    endif()
endforeach()
file(READ "${SOURCE_DIR}/app/gui_main.cpp" gui_main)
string(FIND "${gui_main}" "setDesktopFileName(QStringLiteral(\"${desktop_id}\"))" at)
if(at EQUAL -1)
    message(FATAL_ERROR "app/gui_main.cpp does not set the desktop file name ${desktop_id}")
endif()
file(READ "${icon}" icon_text)
string(FIND "${icon_text}" "<svg" at)
if(at EQUAL -1)
    message(FATAL_ERROR "${icon} is not an SVG")
endif()

# One version, from project(): both installed binaries say it (the GUI by its display name).
foreach(pair "tasklanes=TaskLanes" "tasklanes-cli=tasklanes-cli")
    string(REPLACE "=" ";" pair "${pair}")
    list(GET pair 0 binary)
    list(GET pair 1 name)
    execute_process(COMMAND "${PREFIX}/bin/${binary}" --version
                    RESULT_VARIABLE rc OUTPUT_VARIABLE version_out ERROR_VARIABLE version_err)
    if(NOT rc EQUAL 0 OR NOT version_out STREQUAL "${name} ${VERSION}\n")
        message(FATAL_ERROR "${binary} --version: exit ${rc}, \"${version_out}\" (expected "
                            "\"${name} ${VERSION}\")\n${version_err}")
    endif()
endforeach()

find_program(DESKTOP_FILE_VALIDATE desktop-file-validate)
if(NOT DESKTOP_FILE_VALIDATE)
    message("SKIPPED: desktop-file-validate is not installed (apt-get install desktop-file-utils); "
            "the other install checks passed")
    return()
endif()
execute_process(COMMAND "${DESKTOP_FILE_VALIDATE}" "${entry}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT "${out}${err}" STREQUAL "")
    message(FATAL_ERROR "desktop-file-validate ${entry} (exit ${rc}):\n${out}${err}")
endif()
message("install check passed: ${PREFIX}")
