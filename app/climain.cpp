#include <QCoreApplication>

#include "appidentity.h"
#include "clicommands.h"

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    setSnapScopeIdentity();
    return runCli(app.arguments());
}
