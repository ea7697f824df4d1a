# SPDX-License-Identifier: Apache-2.0
# Fails when a GUI source text has no finished translation: lupdate of the current sources into a
# copy of the .ts, then lrelease, whose summary must report no unfinished or untranslated entry.
if(NOT EXISTS "${LUPDATE}" OR NOT EXISTS "${LRELEASE}" OR NOT EXISTS "${PROJECT_IN}"
   OR NOT EXISTS "${GENERATOR}")
    message("SKIPPED: lupdate/lrelease (Debian qt6-l10n-tools) or the lupdate project missing")
    cmake_language(EXIT 77)
endif()
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
get_filename_component(ts_name "${TS}" NAME)
set(copy "${WORK}/${ts_name}")
file(COPY_FILE "${TS}" "${copy}")
# The project description qt_add_translations wrote at configure time, pointed at the copy.
execute_process(COMMAND "${CMAKE_COMMAND}" -DIN_FILE=${PROJECT_IN} -DOUT_FILE=${WORK}/project.json
                        -P "${GENERATOR}"
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cannot generate the lupdate project from ${PROJECT_IN}")
endif()
file(READ "${WORK}/project.json" project)
string(REPLACE "${TS}" "${copy}" project "${project}")
file(WRITE "${WORK}/project.json" "${project}")
execute_process(COMMAND "${LUPDATE}" -project "${WORK}/project.json" -no-obsolete
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
message("${out}")
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed")
endif()
execute_process(COMMAND "${LRELEASE}" "${copy}" -qm "${WORK}/check.qm"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
message("${out}")
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lrelease failed")
endif()
# "Generated 130 translation(s) (130 finished and 0 unfinished)"; "Ignored N untranslated".
if(NOT out MATCHES "Generated [0-9]+ translation\\(s\\) \\([0-9]+ finished and 0 unfinished\\)")
    message(FATAL_ERROR "unfinished Chinese translations: run the cinemeasure_gui_lupdate target "
                        "and translate the new entries in ${TS}")
endif()
if(out MATCHES "untranslated")
    message(FATAL_ERROR "untranslated source texts in ${TS}")
endif()
message("all GUI texts have a finished zh_CN translation")
