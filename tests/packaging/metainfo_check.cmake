# cmake -DMETAINFO=... -DDESKTOP=... -DVERSION=... -DBINARIES="a;b" -P metainfo_check.cmake
#
# The AppStream metadata describes this build: its newest release is the project version, its
# launchable is the desktop entry we install, it provides both binaries. Then
# `appstreamcli validate --no-net --strict` must pass (no info, warning or error; pedantic notes
# are not asked for). Without
# appstreamcli (apt-get install appstream) that last part is reported as skipped after the other
# checks passed; in CI (CI=true) a missing appstreamcli is an error.

foreach(var METAINFO DESKTOP VERSION BINARIES)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "metainfo_check.cmake needs -D${var}=...")
    endif()
endforeach()

file(READ "${METAINFO}" xml)
string(REGEX MATCH "<release version=\"([^\"]*)\"" first_release "${xml}")
if(NOT CMAKE_MATCH_1 STREQUAL VERSION)
    message(FATAL_ERROR "${METAINFO}: the first <release> is \"${CMAKE_MATCH_1}\", the project "
                        "is ${VERSION}: add a <release version=\"${VERSION}\" date=...> on top")
endif()
get_filename_component(desktop_id "${DESKTOP}" NAME)
foreach(needle "<launchable type=\"desktop-id\">${desktop_id}</launchable>"
               "<content_rating type=\"oars-1.1\"" "<screenshots>" "<categories>" "<keywords>")
    string(FIND "${xml}" "${needle}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "${METAINFO} lacks ${needle}")
    endif()
endforeach()
foreach(binary IN LISTS BINARIES)
    string(FIND "${xml}" "<binary>${binary}</binary>" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "${METAINFO} does not provide <binary>${binary}</binary>")
    endif()
endforeach()
# Every category of the metadata is one of the desktop entry's.
file(READ "${DESKTOP}" desktop)
string(REGEX MATCH "\nCategories=([^\n]*)" line "${desktop}")
set(desktop_categories "${CMAKE_MATCH_1}")
string(REGEX MATCHALL "<category>[^<]*</category>" categories "${xml}")
foreach(category IN LISTS categories)
    string(REGEX REPLACE "</?category>" "" category "${category}")
    string(FIND ";${desktop_categories}" ";${category};" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "${METAINFO}: category ${category} is not in ${DESKTOP}'s ${line}")
    endif()
endforeach()

find_program(APPSTREAMCLI appstreamcli)
if(NOT APPSTREAMCLI)
    if("$ENV{CI}" STREQUAL "true")
        message(FATAL_ERROR "appstreamcli is not installed in CI (scripts/common.sh lists appstream)")
    endif()
    message("SKIPPED: appstreamcli is not installed (apt-get install appstream); the other "
            "metainfo checks passed")
    return()
endif()
execute_process(COMMAND "${APPSTREAMCLI}" validate --no-net --strict "${METAINFO}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "appstreamcli validate --no-net ${METAINFO} (exit ${rc}):\n${out}${err}")
endif()
message("appstreamcli validate --no-net: ${out}")
