# cmake -DPROGRAMS="name=binary;..." -DMAN_DIR=... -DVERSION=... -P man_check.cmake
#
# The manual pages stay in step with the programs: every option that `PROGRAM --help` lists
# (long and short) appears in the OPTIONS section of MAN_DIR/PROGRAM.1, and the page's title line
# names the project version. Then `man -l` formats each page with warnings on, as lintian does,
# and any warning fails the test. Without man (apt-get install man-db) that last part is reported
# as skipped, after the other checks passed; in CI (CI=true) a missing man is an error.

foreach(var PROGRAMS MAN_DIR VERSION)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "man_check.cmake needs -D${var}=...")
    endif()
endforeach()

set(failures "")
foreach(pair IN LISTS PROGRAMS)
    string(REPLACE "=" ";" pair "${pair}")
    list(GET pair 0 name)
    list(GET pair 1 binary)
    set(page "${MAN_DIR}/${name}.1")
    if(NOT EXISTS "${page}")
        message(FATAL_ERROR "no manual page ${page}")
    endif()

    # English help whatever the machine's locale; offscreen so the GUI needs no display.
    execute_process(COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen LANGUAGE=en
                            LC_ALL=C.UTF-8 "${binary}" --help
                    RESULT_VARIABLE rc OUTPUT_VARIABLE help ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "${binary} --help: exit ${rc}\n${help}${err}")
    endif()
    # Option lines of QCommandLineParser: "  -h, --help   Displays ..." or "  --limit <N>  ...".
    string(REGEX MATCHALL "\n  (-[A-Za-z0-9], )?--[a-z][a-z0-9-]*" option_lines "${help}")
    set(options "")
    foreach(line IN LISTS option_lines)
        string(REGEX MATCHALL "--?[A-Za-z0-9][a-z0-9-]*" found "${line}")
        list(APPEND options ${found})
    endforeach()
    list(LENGTH options count)
    if(count LESS 4)
        message(FATAL_ERROR "${binary} --help: found only \"${options}\" as options:\n${help}")
    endif()

    file(READ "${page}" roff)
    string(FIND "${roff}" "\n.SH OPTIONS\n" start)
    if(start EQUAL -1)
        message(FATAL_ERROR "${page} has no OPTIONS section")
    endif()
    string(SUBSTRING "${roff}" ${start} -1 section)
    string(SUBSTRING "${section}" 1 -1 rest)
    string(FIND "${rest}" "\n.SH " end)
    if(NOT end EQUAL -1)
        string(SUBSTRING "${rest}" 0 ${end} section)
    endif()
    # roff writes a minus as "\-"; what the reader sees is "-".
    string(REPLACE "\\-" "-" section "${section}")
    foreach(option IN LISTS options)
        string(REGEX MATCH "(^|[^A-Za-z0-9-])${option}([^A-Za-z0-9-]|$)" hit "${section}")
        if(hit STREQUAL "")
            list(APPEND failures "${page}: OPTIONS does not describe ${option} (in ${name} --help)")
        endif()
    endforeach()

    string(REGEX MATCH "\n\\.TH [^\n]*\"TaskLanes ${VERSION}\"" th "${roff}")
    if(th STREQUAL "")
        list(APPEND failures "${page}: the .TH line does not say \"TaskLanes ${VERSION}\"")
    endif()
    message("${name}: ${count} options of --help described in ${page}")
endforeach()
if(failures)
    list(JOIN failures "\n" text)
    message(FATAL_ERROR "${text}")
endif()

find_program(MAN_PROGRAM man)
if(NOT MAN_PROGRAM)
    if("$ENV{CI}" STREQUAL "true")
        message(FATAL_ERROR "man is not installed in CI (scripts/common.sh lists man-db)")
    endif()
    message("SKIPPED: man is not installed (apt-get install man-db); the --help checks passed")
    return()
endif()
foreach(pair IN LISTS PROGRAMS)
    string(REPLACE "=" ";" pair "${pair}")
    list(GET pair 0 name)
    # lintian's own invocation (checks/documentation/manual): any output on stderr is a warning.
    execute_process(COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C.UTF-8 MANROFFSEQ= MANWIDTH=80
                            "${MAN_PROGRAM}" --warnings -E UTF-8 -l -Tutf8 -Z "${MAN_DIR}/${name}.1"
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0 OR NOT err STREQUAL "")
        message(FATAL_ERROR "man -l ${MAN_DIR}/${name}.1 (exit ${rc}):\n${err}")
    endif()
endforeach()
message("man -l: both pages format without warnings")
